namespace Cro.Advisory.Features.Engagements;

/// <summary>
/// Told, in the same session, what happens to an engagement that what hangs on it (meetings still to come) must follow.
/// Declared here and implemented by the areas above, so engagements never depend on them.
/// </summary>
public interface IEngagementObserver
{
    /// <summary>The engagement is ending: what is still to come ends with it.</summary>
    Task EngagementEndingAsync(DataSession session, Guid engagementId, string reason, DateTimeOffset now);

    /// <summary>The engagement was handed over to <paramref name="advisorId"/>: what is still to come goes with it.</summary>
    Task AdvisorChangedAsync(DataSession session, Guid engagementId, Guid advisorId, DateTimeOffset now);
}
