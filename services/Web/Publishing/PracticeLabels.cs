using System.Globalization;
using Cro.Web.Publishing.Api;

namespace Cro.Web.Publishing;

/// <summary>The words the good-practice pages show for the service's codes: kinds of JST, województwa, statuses, money.</summary>
public static class PracticeLabels
{
    private static readonly CultureInfo Polish = CultureInfo.GetCultureInfo("pl-PL");

    /// <summary>The województwa by TERC code, in the order of the codes.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> Voivodeships =
    [
        ("02", "dolnośląskie"), ("04", "kujawsko-pomorskie"), ("06", "lubelskie"), ("08", "lubuskie"), ("10", "łódzkie"), ("12", "małopolskie"),
        ("14", "mazowieckie"), ("16", "opolskie"), ("18", "podkarpackie"), ("20", "podlaskie"), ("22", "pomorskie"), ("24", "śląskie"),
        ("26", "świętokrzyskie"), ("28", "warmińsko-mazurskie"), ("30", "wielkopolskie"), ("32", "zachodniopomorskie"),
    ];

    public static string Voivodeship(string code) => Voivodeships.FirstOrDefault(v => v.Code == code).Name ?? code;

    public static string Kind(string kind) => kind switch
    {
        "voivodeship" => Text.Pick("samorząd województwa", "voivodeship"),
        "county" => Text.Pick("powiat", "county"),
        "city-county" => Text.Pick("miasto na prawach powiatu", "city with county rights"),
        "urban-municipality" => Text.Pick("gmina miejska", "urban municipality"),
        "rural-municipality" => Text.Pick("gmina wiejska", "rural municipality"),
        "urban-rural-municipality" => Text.Pick("gmina miejsko-wiejska", "urban-rural municipality"),
        _ => kind,
    };

    public static readonly IReadOnlyList<string> Kinds =
        ["voivodeship", "county", "city-county", "urban-municipality", "rural-municipality", "urban-rural-municipality"];

    public static string Status(string status) => status switch
    {
        "draft" => Text.Pick("szkic", "draft"),
        "changes-requested" => Text.Pick("do poprawy", "changes requested"),
        "submitted" => Text.Pick("przesłana, u doradcy", "submitted, with the advisor"),
        "editor-review" => Text.Pick("w redakcji ORE", "with ORE's editors"),
        "published" => Text.Pick("opublikowana", "published"),
        "unpublished" => Text.Pick("wycofana z katalogu", "withdrawn from the catalogue"),
        _ => status,
    };

    public static string Money(double amount) => Cro.Web.Site.Amounts.Pln(amount);

    public static string Day(DateTimeOffset at) => WarsawTime.Format(at);

    public static string Size(long bytes) => bytes >= 1024 * 1024
        ? (bytes / 1024d / 1024d).ToString("0.#", Polish) + " MB"
        : Math.Max(1, bytes / 1024).ToString(Polish) + " kB";

    /// <summary>A name of a fixed list (topics, sources of funding) in the page's language, or the code when the list does not have it.</summary>
    public static string Name(IEnumerable<TemplateChoice>? choices, string code) =>
        choices?.FirstOrDefault(c => c.Code == code) is { } choice ? Text.Pick(choice.Pl, choice.En) : code;

    public static string Name(PracticeLicence licence) => Text.Pick(licence.Pl, licence.En);
}
