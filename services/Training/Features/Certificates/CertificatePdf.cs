using System.Globalization;
using Cro.BuildingBlocks.Exports;

namespace Cro.Training.Features.Certificates;

/// <summary>The training certificate's printout: what it certifies, laid out as every certificate (<see cref="CertificatePrintout"/>).</summary>
internal static class CertificatePdf
{
    private static readonly CultureInfo Polish = CultureInfo.GetCultureInfo("pl-PL");

    public static byte[] Render(CertificateView certificate) => CertificatePrintout.Render(
        new CertificateContent(certificate.Number, certificate.HolderName, certificate.Issuer, certificate.IssuedAt, certificate.VerificationUrl, certificate.Valid)
        {
            HolderLines = [$"reprezentujący(-a) {certificate.JstName} (kod TERYT {certificate.JstTerc})"],
            Body =
            [
                new($"ukończył(a) {Lowercase(certificate.Programme)} (program w wersji {certificate.ProgrammeVersion}), z obecnością co najmniej " +
                    "wymaganej części godzin każdego modułu i efektami uczenia się potwierdzonymi post-testem, w zakresie modułów:"),
                .. certificate.Modules.Select((module, i) =>
                    new CertificateParagraph($"{module.Code}. {module.Title} — {Hours(module.Hours)}", Indented: true, SpaceBefore: i == 0 ? 6 : 0)),
                new($"Łącznie: {Hours(certificate.TotalHours)}", SpaceBefore: 4),
            ],
            Notes =
            [
                "Zaświadczenie jest też wydawane jako poświadczenie cyfrowe Open Badges 3.0, podpisane kluczem platformy.",
                CertificatePrintout.Funding,
            ],
        });

    private static string Hours(decimal hours) =>
        $"{hours.ToString("0.#", Polish)} godz.";

    private static string Lowercase(string text) => text.Length == 0 ? text : char.ToLower(text[0], Polish) + text[1..];
}
