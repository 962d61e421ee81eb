using System.Globalization;
using Cro.BuildingBlocks.Exports;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Cro.Monitoring.Features.Diagnosis.Picture;

/// <summary>
/// GET /api/monitoring/diagnoses/{id}/picture.pdf — the JST picture as a printable A4 report: each figure with its value,
/// traffic light, and a bar chart of the JST against the medians of its kind and województwo (where shown); a competence
/// figure with the bars of its 1–5 answers and "nie wiem". Small numbers as the JSON picture shows them to the caller.
/// </summary>
public static class JstPicturePdf
{
    private static readonly CultureInfo Polish = CultureInfo.GetCultureInfo("pl-PL");

    public static RouteHandlerBuilder MapGetJstPicturePdf(this IEndpointRouteBuilder api) => api
        .MapGet("/diagnoses/{id:guid}/picture.pdf", HandleAsync)
        .WithName("GetJstPicturePdf").WithSummary("Raport JST w PDF / The JST report as PDF")
        .ProducesFile("application/pdf").ProducesProblem(StatusCodes.Status404NotFound)
        .RequireAuthorization(Policies.AdvisoryParty);

    private static async Task<IResult> HandleAsync(Guid id, HttpContext context, [RepeatableRead] DataSession session, TimeProvider time) =>
        await JstPicture.BuildAsync(session, id, context.User) is { } picture
            ? TypedResults.File(Render(picture, time.GetUtcNow()), "application/pdf", $"obraz-jst-{picture.JstTerc}.pdf")
            : DiagnosisView.NotFound();

    public static byte[] Render(JstPicture picture, DateTimeOffset now)
    {
        PdfFonts.Install();
        using var document = new PdfDocument();
        document.Info.Title = $"Obraz JST: {picture.JstName ?? picture.JstTerc}";
        new Report(document, picture, now).Draw();
        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    private sealed class Report(PdfDocument document, JstPicture picture, DateTimeOffset now)
    {
        private const double Margin = 50;
        private readonly XFont _title = new(PdfFonts.Family, 18, XFontStyleEx.Bold);
        private readonly XFont _heading = new(PdfFonts.Family, 11, XFontStyleEx.Bold);
        private readonly XFont _body = new(PdfFonts.Family, 9);
        private XGraphics? _graphics;
        private double _y;
        private double _width;

        private XGraphics Graphics => _graphics!;

        public void Draw()
        {
            NewPage();
            Line($"Obraz JST: {picture.JstName ?? picture.JstTerc}", _title, 26);
            Line($"Kod TERYT {picture.JstTerc} · {JstGroup.Label(picture.JstKind)} · diagnoza {picture.DiagnosisKind} · " +
                $"szkoły, które przesłały ankietę: {picture.SchoolsSubmitted} z {picture.Schools}", _body, 14);
            Line($"Stan na {WarsawTime.InWarsaw(now).ToString("d MMMM yyyy, HH:mm", Polish)}. Porównania: mediany innych JST " +
                $"(co najmniej {Medians.MinimumJst}); liczby uczniów poniżej {Figures.SmallNumber} jako „{SmallNumbers.Hidden}” poza zespołem JST i doradcą.", _body, 22);
            foreach (var figure in picture.Figures)
            {
                Figure(figure);
            }
            _graphics?.Dispose();
        }

        private void NewPage()
        {
            _graphics?.Dispose();
            var page = document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            _graphics = XGraphics.FromPdfPage(page);
            _width = page.Width.Point - 2 * Margin;
            _y = Margin;
        }

        private void Line(string text, XFont font, double height, double left = 0)
        {
            Graphics.DrawString(text, font, XBrushes.Black, new XRect(Margin + left, _y, _width - left, height), XStringFormats.TopLeft);
            _y += height;
        }

        private void Figure(PictureFigure figure)
        {
            var bars = Bars(figure);
            if (_y + 40 + bars.Count * 14 > 800)
            {
                NewPage();
            }
            var light = figure.Light switch
            {
                TrafficLight.Green => XColors.ForestGreen,
                TrafficLight.Amber => XColors.Orange,
                TrafficLight.Red => XColors.Firebrick,
                _ => XColors.LightGray,
            };
            Graphics.DrawEllipse(new XSolidBrush(light), Margin, _y + 2, 10, 10);
            Line(figure.Name, _heading, 15, 16);
            var share = figure.ShareOfPupils is { } s ? $" ({s.ToString("0.#", Polish)}% uczniów; porównanie według odsetka)" : "";
            Line($"{figure.Display} {figure.Unit}{share} · odpowiedziało szkół: {figure.SchoolsAnswered}", _body, 13, 16);
            var top = bars.Where(b => b.Value is not null).Select(b => b.Value!.Value).DefaultIfEmpty(0).Max();
            foreach (var (label, value) in bars)
            {
                Graphics.DrawString(label, _body, XBrushes.Black, new XRect(Margin + 16, _y, 150, 12), XStringFormats.TopLeft);
                if (value is { } v && top > 0)
                {
                    Graphics.DrawRectangle(XBrushes.SteelBlue, Margin + 170, _y + 2, (double)(v / top) * (_width - 240), 8);
                }
                Graphics.DrawString(value is { } shown ? shown.ToString("#,##0.##", Polish) : "—", _body, XBrushes.Black,
                    new XRect(Margin + _width - 60, _y, 60, 12), XStringFormats.TopRight);
                _y += 13;
            }
            _y += 10;
        }

        private static List<(string Label, decimal? Value)> Bars(PictureFigure figure)
        {
            if (figure.Distribution is { } d)
            {
                return [.. d.Counts.Select((count, i) => ($"ocena {i + 1}", (decimal?)count)), ("nie wiem", d.DontKnow)];
            }
            return
            [
                ("ta JST", figure.Compared),
                ($"mediana: {JstGroup.Label(figure.SameKind.Group)} ({figure.SameKind.Jst})", figure.SameKind.Median),
                ($"mediana: województwo {figure.SameVoivodeship.Group} ({figure.SameVoivodeship.Jst})", figure.SameVoivodeship.Median),
            ];
        }
    }
}
