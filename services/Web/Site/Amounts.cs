using System.Globalization;

namespace Cro.Web.Site;

/// <summary>Sums of money as every page writes them: Polish grouping, up to two decimals, "zł".</summary>
public static class Amounts
{
    private static readonly CultureInfo Polish = CultureInfo.GetCultureInfo("pl-PL");

    public static string Pln(double amount) => amount.ToString("#,0.##", Polish) + " zł";
}
