using System.Globalization;
using System.Text.RegularExpressions;
using Cro.Web.Training.Api;

namespace Cro.Web.Training;

/// <summary>
/// The programme editor's form as posted: the thresholds and every module's texts, hours, form and validation method,
/// with each learning outcome's category and description. Module and outcome codes travel as hidden fields, so the
/// posted form is the whole programme by itself and can be saved again after a conflict without reloading.
/// </summary>
public sealed partial class ProgrammeInput
{
    public int BasedOnVersion { get; set; }
    public string? PostTestThreshold { get; set; }
    public string? AttendanceThreshold { get; set; }
    public string? ChangeNote { get; set; }
    public List<ModuleInput>? Modules { get; set; }

    public sealed class ModuleInput
    {
        public string? Code { get; set; }
        public string? Title { get; set; }
        public string? Description { get; set; }
        public string? Hours { get; set; }
        public string? Form { get; set; }
        public string? ValidationMethod { get; set; }
        public List<OutcomeInput>? Outcomes { get; set; }
    }

    public sealed class OutcomeInput
    {
        public string? Code { get; set; }
        public string? Category { get; set; }
        public string? Description { get; set; }
    }

    public static ProgrammeInput From(ProgrammeView programme) => new()
    {
        BasedOnVersion = programme.Version,
        PostTestThreshold = Invariant(programme.PostTestThreshold),
        AttendanceThreshold = Invariant(programme.AttendanceThreshold),
        Modules =
        [
            .. programme.Modules.Select(m => new ModuleInput
            {
                Code = m.Code, Title = m.Title, Description = m.Description, Hours = Invariant(m.Hours), Form = m.Form, ValidationMethod = m.ValidationMethod,
                Outcomes = [.. m.Outcomes.Select(o => new OutcomeInput { Code = o.Code, Category = o.Category, Description = o.Description })],
            }),
        ],
    };

    /// <summary>The change to send, or null with the numbers that are no numbers in <paramref name="errors"/> (keyed as the API keys them).</summary>
    public ChangeProgrammeRequest? ToChange(FormErrors errors)
    {
        var postTest = Number("programme.postTestThreshold", PostTestThreshold, errors);
        var attendance = Number("programme.attendanceThreshold", AttendanceThreshold, errors);
        var modules = (Modules ?? []).Select((m, i) => new ModuleDefinition
        {
            Code = m.Code ?? "", Title = m.Title?.Trim() ?? "", Description = m.Description?.Trim() ?? "",
            Hours = Number($"programme.modules[{i}].hours", m.Hours, errors) ?? 0, Form = m.Form ?? "", ValidationMethod = m.ValidationMethod?.Trim() ?? "",
            Outcomes = [.. (m.Outcomes ?? []).Select(o => new OutcomeDefinition
            {
                Code = o.Code ?? "", Category = o.Category ?? "", Description = o.Description?.Trim() ?? "",
            })],
        }).ToList();
        return errors.Any
            ? null
            : new ChangeProgrammeRequest
            {
                BasedOnVersion = BasedOnVersion,
                Programme = new ProgrammeDefinition { PostTestThreshold = postTest!.Value, AttendanceThreshold = attendance!.Value, Modules = modules },
                ChangeNote = string.IsNullOrWhiteSpace(ChangeNote) ? null : ChangeNote.Trim(),
            };
    }

    /// <summary>The id of the field an API error key names (programme.modules[1].outcomes[0].description), for the error summary.</summary>
    public static string? FieldId(string key)
    {
        var field = key.StartsWith("programme.", StringComparison.OrdinalIgnoreCase) ? key["programme.".Length..] : key;
        if (field.Equals("postTestThreshold", StringComparison.OrdinalIgnoreCase))
        {
            return "programme-postTestThreshold";
        }
        if (field.Equals("attendanceThreshold", StringComparison.OrdinalIgnoreCase))
        {
            return "programme-attendanceThreshold";
        }
        if (field.Equals("changeNote", StringComparison.OrdinalIgnoreCase))
        {
            return "programme-changeNote";
        }
        var outcome = OutcomeKey().Match(field);
        if (outcome.Success)
        {
            return OutcomeFieldId(int.Parse(outcome.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(outcome.Groups[2].Value, CultureInfo.InvariantCulture),
                outcome.Groups[3].Value.Equals("category", StringComparison.OrdinalIgnoreCase) ? "category" : "description");
        }
        var module = ModuleKey().Match(field);
        return module.Success
            ? ModuleFieldId(int.Parse(module.Groups[1].Value, CultureInfo.InvariantCulture), module.Groups[2].Value.ToLowerInvariant() switch
            {
                "title" => "title",
                "description" => "description",
                "hours" => "hours",
                "form" => "form",
                "validationmethod" => "validationMethod",
                _ => "title",
            })
            : null;
    }

    public static string ModuleFieldId(int module, string field) => $"module-{module}-{field}";

    public static string OutcomeFieldId(int module, int outcome, string field) => $"module-{module}-outcome-{outcome}-{field}";

    private static double? Number(string key, string? value, FormErrors errors)
    {
        if (SessionInput.Number(value) is { } number)
        {
            return (double)number;
        }
        errors.Add(key, Text.Pick("Wpisz liczbę, np. 60 albo 12,5.", "Enter a number, e.g. 60 or 12.5."));
        return null;
    }

    private static string Invariant(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^modules\[(\d+)\]\.outcomes\[(\d+)\]\.(\w+)$", RegexOptions.IgnoreCase)]
    private static partial Regex OutcomeKey();

    [GeneratedRegex(@"^modules\[(\d+)\]\.(\w+)$", RegexOptions.IgnoreCase)]
    private static partial Regex ModuleKey();
}
