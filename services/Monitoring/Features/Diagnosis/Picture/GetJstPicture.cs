using System.Security.Claims;

namespace Cro.Monitoring.Features.Diagnosis.Picture;

/// <summary>
/// GET /api/monitoring/diagnoses/{id}/picture — the JST picture of a diagnosis: each figure (<see cref="Figures"/>)
/// computed from the answers of its submitted school questionnaires, with its traffic light and the median of the other
/// JST of the same kind and of the same województwo (each by its latest diagnosis with submitted schools; not shown over
/// fewer than 3 JST). A count of pupils below 5 is "&lt; 5" to anyone but the JST's team and its advisor. The JST's team,
/// its advisor and ORE see it; anyone else gets 404.
/// </summary>
public static class GetJstPicture
{
    public static RouteHandlerBuilder MapGetJstPicture(this IEndpointRouteBuilder api) => api
        .MapGet("/diagnoses/{id:guid}/picture", HandleAsync)
        .WithName("GetJstPicture").WithSummary("Obraz JST: wskaźniki diagnozy z porównaniem / The JST picture: the diagnosis's figures compared")
        .Produces<JstPicture>().ProducesProblem(StatusCodes.Status404NotFound)
        .RequireAuthorization(Policies.AdvisoryParty);

    private static async Task<IResult> HandleAsync(Guid id, HttpContext context, [RepeatableRead] DataSession session) =>
        await JstPicture.BuildAsync(session, id, context.User) is { } picture ? TypedResults.Ok(picture) : DiagnosisView.NotFound();
}

/// <param name="JstKind">The JST's kind group (<see cref="JstGroup"/>), null where the JST registry does not know it.</param>
/// <param name="SmallNumbersShown">Counts of pupils below 5 are shown as they are (the caller is the JST's team or advisor).</param>
[OpenApiSchemaName("JstPicture")]
public sealed record JstPicture(Guid DiagnosisId, string JstTerc, string? JstName, string? JstKind, string DiagnosisKind, int Schools,
    int SchoolsSubmitted, bool SmallNumbersShown, IReadOnlyList<PictureFigure> Figures)
{
    private sealed record Head(Guid Id, string JstTerc, string? JstName, string? JstKind, string Kind, int Schools, int SchoolsSubmitted);

    /// <summary>The picture of diagnosis <paramref name="id"/> as <paramref name="user"/> may see it; null when the caller may not see the diagnosis.</summary>
    public static async Task<JstPicture?> BuildAsync(DataSession session, Guid id, ClaimsPrincipal user)
    {
        // Row-level security decides first whether the caller sees this diagnosis at all.
        var head = await session.QuerySingleOrDefaultAsync<Head>($"""
            SELECT d.id, d.jst_terc, j.name AS jst_name, j.kind AS jst_kind, d.kind,
                   (SELECT count(*)::int FROM questionnaires q WHERE q.diagnosis_id = d.id AND q.school_id IS NOT NULL) AS schools,
                   (SELECT count(*)::int FROM questionnaires q WHERE q.diagnosis_id = d.id AND q.school_id IS NOT NULL
                                                                 AND q.status = '{QuestionnaireStatus.Submitted}') AS schools_submitted
            FROM diagnoses d LEFT JOIN jst j ON j.terc = d.jst_terc WHERE d.id = @id
            """, new { id });
        if (head is null)
        {
            return null;
        }
        // The comparison reads every JST's answers; only medians over 3 JST or more leave this method.
        await session.ChangeScopeAsync(JstScope.All);
        var others = (await ComparableDiagnosis.ListAsync(session)).Where(c => c.JstTerc != head.JstTerc).ToList();
        var answers = await AnswersLoader.LoadAsync(session, [id, .. others.Select(o => o.DiagnosisId)]);
        var group = JstGroup.Of(head.JstKind);
        var sameKind = others.Where(o => group is not null && o.Group == group).Select(o => answers[o.DiagnosisId]).ToList();
        var sameVoivodeship = others.Where(o => o.Voivodeship == head.JstTerc[..2]).Select(o => answers[o.DiagnosisId]).ToList();
        var shown = SmallNumbers.ShownTo(user, head.JstTerc);
        var own = answers[id];
        var figures = Picture.Figures.All.Select(f => PictureFigure.Of(f, own, shown,
            Medians.Of(group ?? "", sameKind.Select(f.Compared)), Medians.Of(head.JstTerc[..2], sameVoivodeship.Select(f.Compared)))).ToList();
        return new JstPicture(head.Id, head.JstTerc, head.JstName, group, head.Kind, head.Schools, head.SchoolsSubmitted, shown, figures);
    }
}

/// <param name="Value">Null when no school answered, or when <see cref="Suppressed"/>.</param>
/// <param name="Display">The value as people read it (Polish number format); "&lt; 5" when suppressed, "—" when there is none.</param>
/// <param name="Suppressed">A count of pupils below 5, hidden from this caller (its share too).</param>
/// <param name="ShareOfPupils">Of a count of pupils: its share (per cent) of the pupils of the schools that answered; what JST are compared on.</param>
/// <param name="Compared">What JST are compared on: the value, or of a count of pupils its share; null when suppressed.</param>
/// <param name="ComparedUnit">The unit of <see cref="Compared"/>, the medians and the thresholds: "%" of a count of pupils, else the figure's unit.</param>
/// <param name="Light">green / amber / red; null without thresholds or value.</param>
/// <param name="Better">Which way is better: higher / lower.</param>
/// <param name="Green">The threshold of green (at least as good as this).</param>
/// <param name="Red">The threshold of red (worse than this).</param>
/// <param name="SchoolsAnswered">Submitted schools that answered the figure's first question.</param>
/// <param name="Distribution">Of a competence figure: the answers to its 1–5 scales, "nie wiem" apart.</param>
[OpenApiSchemaName("JstPictureFigure")]
public sealed record PictureFigure(string Key, string Name, string Unit, IReadOnlyList<string> QuestionKeys, decimal? Value, string Display, bool Suppressed,
    decimal? ShareOfPupils, decimal? Compared, string ComparedUnit, string? Light, string Better, decimal? Green, decimal? Red, int SchoolsAnswered, ScaleDistribution? Distribution,
    MedianComparison SameKind, MedianComparison SameVoivodeship)
{
    public static PictureFigure Of(FigureDefinition figure, JstAnswers answers, bool smallNumbersShown, MedianComparison sameKind, MedianComparison sameVoivodeship)
    {
        var value = figure.Formula(answers);
        var compared = figure.Compared(answers);
        var hidden = SmallNumbers.Hides(figure, value, smallNumbersShown);
        return new PictureFigure(figure.Key, figure.Name, figure.Unit, figure.QuestionKeys, hidden ? null : value, SmallNumbers.Display(value, hidden), hidden,
            figure.PupilCount && !hidden ? compared : null, hidden ? null : compared, figure.ComparedUnit, figure.Light(compared), figure.Better == Picture.Better.Higher ? "higher" : "lower",
            figure.Green, figure.Red, figure.ScaleKeys is { } scales ? answers.Schools.Count(s => scales.Any(k => s.Answer(k) is not null)) : answers.Answered(figure.QuestionKeys[0]),
            figure.ScaleKeys is { } keys ? answers.Distribution(keys) : null, sameKind, sameVoivodeship);
    }
}
