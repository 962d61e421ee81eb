namespace Cro.Training.Features.Programme;

/// <summary>One version of the programme, as stored.</summary>
public sealed record ProgrammeView(int Version, decimal PostTestThreshold, decimal AttendanceThreshold, string? ChangeNote,
    DateTimeOffset CreatedAt, IReadOnlyList<ModuleView> Modules);

public sealed record ModuleView(string Code, string Title, string Description, decimal Hours, string Form, string ValidationMethod,
    IReadOnlyList<OutcomeDefinition> Outcomes);
