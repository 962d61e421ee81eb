using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Cro.Notifications.Features.Mail;

/// <summary>
/// HTML from an interpolated string in which every hole is HTML-encoded, so a template cannot forget
/// to escape a name or a link: only the literal parts are markup.
/// </summary>
public static class Html
{
    // Encodes what HTML needs encoded and leaves Polish letters as they are, so the source stays readable.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Escaped(EscapingHandler html) => html.ToStringAndClear();

    [InterpolatedStringHandler]
    public ref struct EscapingHandler(int literalLength, int formattedCount)
    {
        private DefaultInterpolatedStringHandler _html = new(literalLength, formattedCount, CultureInfo.InvariantCulture);

        public void AppendLiteral(string literal) => _html.AppendLiteral(literal);

        public void AppendFormatted<T>(T value) =>
            _html.AppendLiteral(Encoder.Encode(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""));

        public string ToStringAndClear() => _html.ToStringAndClear();
    }
}
