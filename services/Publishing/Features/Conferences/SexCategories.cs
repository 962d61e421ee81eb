namespace Cro.Publishing.Features.Conferences;

/// <summary>
/// The sex categories ESF+ reporting counts people by, as recruitment records them for task teams (the words of
/// conference_registrations.sex's CHECK): the programme's indicators are split by them.
/// </summary>
public static class SexCategories
{
    public static readonly IReadOnlyList<string> All = ["woman", "man", "non-binary", "undisclosed"];

    public static string Label(string sex) => sex switch
    {
        "woman" => Text.Pick("kobieta", "woman"),
        "man" => Text.Pick("mężczyzna", "man"),
        "non-binary" => Text.Pick("osoba niebinarna", "non-binary person"),
        "undisclosed" => Text.Pick("nie podano", "not given"),
        _ => sex,
    };
}
