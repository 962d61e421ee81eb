using Cro.BuildingBlocks.Persistence;

namespace Cro.Advisory.Features.Engagements;

/// <summary>
/// Told, in the same session, that an engagement is ending: what hangs on it (meetings still to come) ends with it.
/// Declared here and implemented by the areas above, so engagements never depend on them.
/// </summary>
public interface IEngagementEndObserver
{
    Task EngagementEndingAsync(DataSession session, Guid engagementId, string reason, DateTimeOffset now);
}
