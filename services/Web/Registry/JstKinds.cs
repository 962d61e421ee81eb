namespace Cro.Web.Registry;

/// <summary>Kinds of JST as the API names them, with their Polish and English names.</summary>
public static class JstKinds
{
    public const string Voivodeship = "voivodeship";

    public static readonly IReadOnlyList<string> All =
        [Voivodeship, "county", "city-county", "urban-municipality", "rural-municipality", "urban-rural-municipality"];

    public static string Label(string kind) => kind switch
    {
        Voivodeship => Text.Pick("województwo", "voivodeship"),
        "county" => Text.Pick("powiat", "county (powiat)"),
        "city-county" => Text.Pick("miasto na prawach powiatu", "city with county rights"),
        "urban-municipality" => Text.Pick("gmina miejska", "urban municipality"),
        "rural-municipality" => Text.Pick("gmina wiejska", "rural municipality"),
        "urban-rural-municipality" => Text.Pick("gmina miejsko-wiejska", "urban-rural municipality"),
        _ => kind,
    };
}
