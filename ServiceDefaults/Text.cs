using System.Globalization;

namespace Cro.ServiceDefaults;

/// <summary>Chooses the Polish or English form of a message by the request's UI culture (Polish first).</summary>
public static class Text
{
    public static string Pick(string polish, string english) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? english : polish;
}
