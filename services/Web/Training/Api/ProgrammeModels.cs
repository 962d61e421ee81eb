namespace Cro.Web.Training.Api;

// The training service's shapes as the web reads and writes them (services/Training/Features/*). The API's JSON is
// camelCase, as System.Net.Http.Json reads and writes by default.

/// <summary>One version of the programme (GET /api/training/programme, …/programme/versions/{version}).</summary>
public sealed record ProgrammeView(int Version, decimal PostTestThreshold, decimal AttendanceThreshold, string? ChangeNote,
    DateTimeOffset CreatedAt, IReadOnlyList<ModuleView> Modules)
{
    public decimal TotalHours => Modules.Sum(m => m.Hours);
}

public sealed record ModuleView(string Code, string Title, string Description, decimal Hours, string Form, string ValidationMethod,
    IReadOnlyList<LearningOutcome> Outcomes);

/// <summary>A learning outcome; its category is knowledge, skills or social (competences).</summary>
public sealed record LearningOutcome(string Code, string Category, string Description);

/// <summary>GET /api/training/programme/versions: the history, newest first.</summary>
public sealed record ProgrammeVersionSummary(int Version, string? ChangeNote, Guid? CreatedBy, DateTimeOffset CreatedAt);

/// <summary>PUT /api/training/programme: the whole programme as a new version, with the version it was edited from.</summary>
public sealed record ProgrammeChange(int BasedOnVersion, ProgrammeDefinition Programme, string? ChangeNote);

public sealed record ProgrammeDefinition(decimal PostTestThreshold, decimal AttendanceThreshold, IReadOnlyList<ModuleDefinition> Modules);

public sealed record ModuleDefinition(string Code, string Title, string Description, decimal Hours, string Form, string ValidationMethod,
    IReadOnlyList<LearningOutcome> Outcomes);
