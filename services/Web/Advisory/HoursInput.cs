using System.Globalization;

namespace Cro.Web.Advisory;

/// <summary>A number of hours as typed: with a point (as number fields post it) or a comma (as people write it in Polish).</summary>
public static class HoursInput
{
    public static double? Parse(string? value) =>
        double.TryParse(value?.Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var hours) ? hours : null;
}
