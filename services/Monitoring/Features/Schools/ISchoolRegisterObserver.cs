namespace Cro.Monitoring.Features.Schools;

/// <summary>
/// Told, in the same session, what the team changed on the JST's list of schools that what hangs on the list (a diagnosis
/// collecting the schools' questionnaires) must follow. Declared here and implemented by the areas above, so the register
/// never depends on them.
/// </summary>
public interface ISchoolRegisterObserver
{
    /// <summary>The school is on the JST's list: added by the team, or reopened.</summary>
    Task SchoolActiveAsync(DataSession session, SchoolView school, DateTimeOffset now);

    /// <summary>The school was closed by <paramref name="by"/>.</summary>
    Task SchoolClosedAsync(DataSession session, SchoolView school, Guid? by, DateTimeOffset now);
}
