using System.Text.RegularExpressions;

namespace Cro.Monitoring.Features.Diagnosis;

/// <summary>
/// The team's findings and recommendations on a diagnosis. GET /api/monitoring/diagnoses/{id}/findings — both, for the
/// team, its advisor and ORE. POST …/findings, PUT and DELETE …/findings/{findingId} — a finding: a title, its text, a
/// priority, and what it rests on: sections and questions of the diagnosis's pinned instrument version (checked against
/// it) and figures of the JST picture (<c>figure:&lt;key&gt;</c>). POST …/recommendations, PUT and DELETE
/// …/recommendations/{recommendationId} — a recommendation following from one or more of the diagnosis's findings.
/// The team changes them while the diagnosis is a draft or returned for changes (409 otherwise).
/// </summary>
public static partial class Findings
{
    public const int MaxKeys = 50;

    /// <param name="Priority"><see cref="FindingPriority"/>: high, medium, low.</param>
    /// <param name="Sections">Keys of the instrument's sections it rests on.</param>
    /// <param name="Questions">Keys of the instrument's questions (a repeat group's row questions too) it rests on.</param>
    /// <param name="Figures">Figures of the JST picture it rests on, each <c>figure:&lt;key&gt;</c>.</param>
    [OpenApiSchemaName("DiagnosisFindingRequest")]
    public sealed record FindingRequest(
        [property: FieldLabel("Tytuł ustalenia", "Finding's title")] string Title,
        [property: FieldLabel("Treść ustalenia", "Finding's text")] string Text,
        [property: FieldLabel("Priorytet", "Priority")] string Priority,
        [property: FieldLabel("Sekcje narzędzia", "Instrument sections")] IReadOnlyList<string>? Sections,
        [property: FieldLabel("Pytania narzędzia", "Instrument questions")] IReadOnlyList<string>? Questions,
        [property: FieldLabel("Wskaźniki obrazu JST", "Figures of the JST picture")] IReadOnlyList<string>? Figures);

    /// <param name="FindingIds">The diagnosis's findings it follows from (at least one).</param>
    [OpenApiSchemaName("DiagnosisRecommendationRequest")]
    public sealed record RecommendationRequest(
        [property: FieldLabel("Tytuł rekomendacji", "Recommendation's title")] string Title,
        [property: FieldLabel("Treść rekomendacji", "Recommendation's text")] string Text,
        [property: FieldLabel("Ustalenia", "Findings")] IReadOnlyList<Guid>? FindingIds);

    [OpenApiSchemaName("DiagnosisFinding")]
    public sealed record FindingView(Guid Id, string Title, string Text, string Priority, IReadOnlyList<string> Sections, IReadOnlyList<string> Questions,
        IReadOnlyList<string> Figures, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

    [OpenApiSchemaName("DiagnosisRecommendation")]
    public sealed record RecommendationView(Guid Id, string Title, string Text, IReadOnlyList<Guid> FindingIds, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

    /// <param name="Status"><see cref="DiagnosisStatus"/>: draft, submitted, returned, accepted.</param>
    [OpenApiSchemaName("DiagnosisFindings")]
    public sealed record FindingsView(Guid DiagnosisId, string Status, IReadOnlyList<FindingView> Findings, IReadOnlyList<RecommendationView> Recommendations);

    [GeneratedRegex("^figure:[a-z0-9][a-z0-9_.-]{0,99}$")]
    private static partial Regex FigureKey();

    public sealed class FindingValidator : AbstractValidator<FindingRequest>
    {
        public FindingValidator()
        {
            RuleFor(r => r.Title).RequiredText(200)
                .WithMessage(_ => Text.Pick("Podaj tytuł ustalenia (do 200 znaków).", "Give the finding's title (up to 200 characters)."));
            RuleFor(r => r.Text).RequiredText(4000)
                .WithMessage(_ => Text.Pick("Opisz ustalenie (do 4000 znaków).", "Describe the finding (up to 4000 characters)."));
            RuleFor(r => r.Priority).Must(p => FindingPriority.All.Contains(p))
                .WithMessage(_ => Text.Pick($"Priorytet spośród: {string.Join(", ", FindingPriority.All)}.",
                    $"The priority is one of: {string.Join(", ", FindingPriority.All)}."));
            RuleFor(r => r).Must(r => (r.Sections?.Count ?? 0) + (r.Questions?.Count ?? 0) + (r.Figures?.Count ?? 0) > 0)
                .OverridePropertyName("sections")
                .WithMessage(_ => Text.Pick("Wskaż, na czym ustalenie się opiera: sekcje, pytania albo wskaźniki.",
                    "Name what the finding rests on: sections, questions or figures."));
            RuleFor(r => r.Sections).Must(k => k is null || k.Count <= MaxKeys)
                .WithMessage(_ => Text.Pick($"Najwyżej {MaxKeys} sekcji.", $"At most {MaxKeys} sections."));
            RuleFor(r => r.Questions).Must(k => k is null || k.Count <= MaxKeys)
                .WithMessage(_ => Text.Pick($"Najwyżej {MaxKeys} pytań.", $"At most {MaxKeys} questions."));
            RuleFor(r => r.Figures).Must(k => k is null || k.Count <= MaxKeys)
                .WithMessage(_ => Text.Pick($"Najwyżej {MaxKeys} wskaźników.", $"At most {MaxKeys} figures."));
        }
    }

    public sealed class RecommendationValidator : AbstractValidator<RecommendationRequest>
    {
        public RecommendationValidator()
        {
            RuleFor(r => r.Title).RequiredText(200)
                .WithMessage(_ => Text.Pick("Podaj tytuł rekomendacji (do 200 znaków).", "Give the recommendation's title (up to 200 characters)."));
            RuleFor(r => r.Text).RequiredText(4000)
                .WithMessage(_ => Text.Pick("Opisz rekomendację (do 4000 znaków).", "Describe the recommendation (up to 4000 characters)."));
            RuleFor(r => r.FindingIds).Must(f => f is { Count: > 0 and <= MaxKeys })
                .WithMessage(_ => Text.Pick("Wskaż ustalenia, z których rekomendacja wynika (od 1 do 50).",
                    "Name the findings the recommendation follows from (1 to 50)."));
        }
    }

    public static IEndpointRouteBuilder MapFindings(this IEndpointRouteBuilder api)
    {
        api.MapGet("/diagnoses/{id:guid}/findings", GetAsync)
            .WithName("GetDiagnosisFindings").WithSummary("Ustalenia i rekomendacje diagnozy / The diagnosis's findings and recommendations")
            .Produces<FindingsView>().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.AdvisoryParty);
        MapEditable<FindingRequest, FindingView>(api, "findings", "findingId", "Finding", ("ustalenie", "a finding"),
            AddFindingAsync, ChangeFindingAsync, RemoveFindingAsync);
        MapEditable<RecommendationRequest, RecommendationView>(api, "recommendations", "recommendationId", "Recommendation", ("rekomendację", "a recommendation"),
            AddRecommendationAsync, ChangeRecommendationAsync, RemoveRecommendationAsync);
        return api;
    }

    /// <summary>POST …/{items}, PUT and DELETE …/{items}/{itemId}: the team's, validated, each 404 or 409 when it may not change.</summary>
    private static void MapEditable<TRequest, TView>(IEndpointRouteBuilder api, string items, string itemId, string name, (string Pl, string En) noun,
        Delegate add, Delegate change, Delegate remove)
    {
        var path = $"/diagnoses/{{id:guid}}/{items}";
        api.MapPost(path, add)
            .WithName($"AddDiagnosis{name}").WithSummary($"Dodaj {noun.Pl} / Add {noun.En}")
            .Validate<TRequest>().Produces<TView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.JstTeam);
        api.MapPut($"{path}/{{{itemId}:guid}}", change)
            .WithName($"ChangeDiagnosis{name}").WithSummary($"Zmień {noun.Pl} / Change {noun.En}")
            .Validate<TRequest>().Produces<TView>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.JstTeam);
        api.MapDelete($"{path}/{{{itemId}:guid}}", remove)
            .WithName($"RemoveDiagnosis{name}").WithSummary($"Usuń {noun.Pl} / Remove {noun.En}")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.JstTeam);
    }

    private sealed record FindingRow(Guid Id, string Title, string Text, string Priority, string[] SectionKeys, string[] QuestionKeys, string[] FigureKeys,
        DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
    {
        [ExplicitConstructor]
        private FindingRow() : this(Guid.Empty, "", "", "", [], [], [], default, default)
        {
        }

        public FindingView View => new(Id, Title, Text, Priority, SectionKeys, QuestionKeys, FigureKeys, CreatedAt, UpdatedAt);
    }

    private sealed record RecommendationRow(Guid Id, string Title, string Text, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

    private sealed record Link(Guid RecommendationId, Guid FindingId);

    /// <summary>The diagnosis's findings and recommendations, in the order written; null when the caller cannot see the diagnosis.</summary>
    public static async Task<FindingsView?> FindAsync(DataSession session, Guid id)
    {
        using var rows = await session.QueryMultipleAsync("""
            SELECT status FROM diagnoses WHERE id = @id;
            SELECT id, title, text, priority, section_keys, question_keys, figure_keys, created_at, updated_at
            FROM diagnosis_findings WHERE diagnosis_id = @id ORDER BY created_at, id;
            SELECT id, title, text, created_at, updated_at FROM diagnosis_recommendations WHERE diagnosis_id = @id ORDER BY created_at, id;
            SELECT l.recommendation_id, l.finding_id FROM diagnosis_recommendation_findings l
            JOIN diagnosis_findings f ON f.id = l.finding_id WHERE f.diagnosis_id = @id ORDER BY f.created_at, f.id;
            """, new { id });
        if (await rows.ReadSingleOrDefaultAsync<string>() is not { } status)
        {
            return null;
        }
        var findings = (await rows.ReadAsync<FindingRow>()).Select(f => f.View).ToList();
        var recommendations = (await rows.ReadAsync<RecommendationRow>()).ToList();
        var links = (await rows.ReadAsync<Link>()).ToLookup(l => l.RecommendationId, l => l.FindingId);
        return new FindingsView(id, status, findings,
            [.. recommendations.Select(r => new RecommendationView(r.Id, r.Title, r.Text, [.. links[r.Id]], r.CreatedAt, r.UpdatedAt))]);
    }

    private static async Task<IResult> GetAsync(Guid id, [RepeatableRead] DataSession session) =>
        await FindAsync(session, id) is { } view ? TypedResults.Ok(view) : DiagnosisView.NotFound();

    /// <summary>The team's diagnosis when its findings may change; else the refusal (404, 409).</summary>
    private static async Task<(ReviewedDiagnosis? Diagnosis, IResult? Refusal)> EditableAsync(DataSession session, HttpContext context, Guid id) =>
        await ReviewedDiagnosis.ForTeamAsync(session, context.User, id) is not { } diagnosis ? (null, DiagnosisView.NotFound())
        : !DiagnosisStatus.IsEditable(diagnosis.Status) ? (null, DiagnosisStatus.NotEditable(diagnosis.Status))
        : (diagnosis, null);

    /// <summary>
    /// Sections and questions the diagnosis's pinned instrument version lacks, and figure keys not of the form
    /// <c>figure:&lt;key&gt;</c>, by field (<c>sections[1]</c>), all in one refusal.
    /// </summary>
    private static async Task<IResult?> CheckKeysAsync(DataSession session, InstrumentStore instruments, ReviewedDiagnosis diagnosis, FindingRequest request)
    {
        var instrument = (await instruments.FindAsync(session, diagnosis.InstrumentVersion))!;
        var errors = new Dictionary<string, string[]>();
        foreach (var (key, i) in (request.Sections ?? []).Select((k, i) => (k, i)).Where(s => instrument.View.Sections.All(x => x.Key != s.k)))
        {
            errors[$"sections[{i}]"] = [Text.Pick($"Wersja {instrument.Version} narzędzia nie ma sekcji „{key}”.",
                $"Version {instrument.Version} of the instrument has no section „{key}”.")];
        }
        foreach (var (key, i) in (request.Questions ?? []).Select((k, i) => (k, i)).Where(q => instrument.Find(q.k) is null))
        {
            errors[$"questions[{i}]"] = [Text.Pick($"Wersja {instrument.Version} narzędzia nie ma pytania „{key}”.",
                $"Version {instrument.Version} of the instrument has no question „{key}”.")];
        }
        foreach (var (key, i) in (request.Figures ?? []).Select((k, i) => (k, i)).Where(f => f.k is null || !FigureKey().IsMatch(f.k)))
        {
            errors[$"figures[{i}]"] = [Text.Pick($"„{key}” nie jest kluczem wskaźnika: figure:<klucz> (małe litery, cyfry, _ . -).",
                $"„{key}” is not a figure key: figure:<key> (lower-case letters, digits, _ . -).")];
        }
        return errors.Count > 0 ? ProblemDetailsDefaults.ValidationProblem(errors) : null;
    }

    private static object FindingParameters(Guid id, Guid findingId, FindingRequest request, Guid? by, DateTimeOffset now) => new
    {
        id, findingId, title = request.Title.Trim(), text = request.Text.Trim(), request.Priority,
        sections = (request.Sections ?? []).Distinct().ToArray(), questions = (request.Questions ?? []).Distinct().ToArray(),
        figures = (request.Figures ?? []).Distinct().ToArray(), by, now = now.ToUniversalTime(),
    };

    private const string ReturnFinding = " RETURNING id, title, text, priority, section_keys, question_keys, figure_keys, created_at, updated_at";

    private static async Task<IResult> AddFindingAsync(Guid id, FindingRequest request, HttpContext context, DataSession session, InstrumentStore instruments,
        TimeProvider time)
    {
        var (diagnosis, refusal) = await EditableAsync(session, context, id);
        if (refusal is not null)
        {
            return refusal;
        }
        if (await CheckKeysAsync(session, instruments, diagnosis!, request) is { } invalid)
        {
            return invalid;
        }
        var findingId = Guid.CreateVersion7();
        var row = await session.QuerySingleAsync<FindingRow>("""
            INSERT INTO diagnosis_findings (id, diagnosis_id, jst_terc, title, text, priority, section_keys, question_keys, figure_keys,
                                            created_by, created_at, updated_by, updated_at)
            SELECT @findingId, d.id, d.jst_terc, @title, @text, @Priority, @sections, @questions, @figures, @by, @now, @by, @now
            FROM diagnoses d WHERE d.id = @id
            """ + ReturnFinding, FindingParameters(id, findingId, request, context.User.PersonId(), time.GetUtcNow()));
        await session.CommitAsync();
        return TypedResults.Created($"/api/monitoring/diagnoses/{id}/findings/{findingId}", row.View);
    }

    private static async Task<IResult> ChangeFindingAsync(Guid id, Guid findingId, FindingRequest request, HttpContext context, DataSession session,
        InstrumentStore instruments, TimeProvider time)
    {
        var (diagnosis, refusal) = await EditableAsync(session, context, id);
        if (refusal is not null)
        {
            return refusal;
        }
        if (await CheckKeysAsync(session, instruments, diagnosis!, request) is { } invalid)
        {
            return invalid;
        }
        if (await session.QuerySingleOrDefaultAsync<FindingRow>("""
                UPDATE diagnosis_findings SET title = @title, text = @text, priority = @Priority, section_keys = @sections, question_keys = @questions,
                       figure_keys = @figures, updated_by = @by, updated_at = @now
                WHERE id = @findingId AND diagnosis_id = @id
                """ + ReturnFinding, FindingParameters(id, findingId, request, context.User.PersonId(), time.GetUtcNow())) is not { } row)
        {
            return NoSuchFinding();
        }
        await session.CommitAsync();
        return TypedResults.Ok(row.View);
    }

    private static async Task<IResult> RemoveFindingAsync(Guid id, Guid findingId, HttpContext context, DataSession session)
    {
        var (_, refusal) = await EditableAsync(session, context, id);
        if (refusal is not null)
        {
            return refusal;
        }
        var uses = (await session.QueryAsync<string>("""
            SELECT r.title FROM diagnosis_recommendation_findings l JOIN diagnosis_recommendations r ON r.id = l.recommendation_id
            WHERE l.finding_id = @findingId ORDER BY r.created_at
            """, new { findingId })).ToList();
        if (uses.Count > 0)
        {
            var names = string.Join(", ", uses.Select(t => $"„{t}”"));
            return Problems.Conflict("Na tym ustaleniu opierają się rekomendacje.", "Recommendations rest on this finding.",
                $"Ustalenie usuwa się dopiero, gdy nie wynika z niego żadna rekomendacja; teraz: {names}.",
                $"A finding is removed only once no recommendation follows from it; now: {names}.");
        }
        if (await session.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM diagnosis_review_comments WHERE finding_id = @findingId)", new { findingId }))
        {
            return Problems.Conflict("Do tego ustalenia są uwagi oceniającego.", "The reviewer commented on this finding.",
                "Ustalenia, do którego oceniający zgłosił uwagi, nie usuwa się; zmień je, odpowiadając na uwagi.",
                "A finding the reviewer commented on is not removed; change it, addressing the comments.");
        }
        if (await session.ExecuteAsync("DELETE FROM diagnosis_findings WHERE id = @findingId AND diagnosis_id = @id", new { id, findingId }) == 0)
        {
            return NoSuchFinding();
        }
        await session.CommitAsync();
        return TypedResults.NoContent();
    }

    /// <summary>The finding ids that are not the diagnosis's, by field (<c>findingIds[0]</c>).</summary>
    private static async Task<IResult?> CheckFindingsAsync(DataSession session, Guid id, IReadOnlyList<Guid> findingIds)
    {
        var known = (await session.QueryAsync<Guid>("SELECT id FROM diagnosis_findings WHERE diagnosis_id = @id AND id = ANY (@findingIds)",
            new { id, findingIds = findingIds.ToArray() })).ToHashSet();
        var errors = findingIds.Select((f, i) => (f, i)).Where(f => !known.Contains(f.f)).ToDictionary(f => $"findingIds[{f.i}]",
            f => new[] { Text.Pick($"Diagnoza nie ma ustalenia {f.f}.", $"The diagnosis has no finding {f.f}.") });
        return errors.Count > 0 ? ProblemDetailsDefaults.ValidationProblem(errors) : null;
    }

    private static async Task<IResult> AddRecommendationAsync(Guid id, RecommendationRequest request, HttpContext context, DataSession session,
        TimeProvider time) => await SaveRecommendationAsync(id, null, request, context, session, time);

    private static async Task<IResult> ChangeRecommendationAsync(Guid id, Guid recommendationId, RecommendationRequest request, HttpContext context,
        DataSession session, TimeProvider time) => await SaveRecommendationAsync(id, recommendationId, request, context, session, time);

    private static async Task<IResult> SaveRecommendationAsync(Guid id, Guid? existing, RecommendationRequest request, HttpContext context,
        DataSession session, TimeProvider time)
    {
        var (_, refusal) = await EditableAsync(session, context, id);
        var findingIds = request.FindingIds!.Distinct().ToList();
        if (refusal is not null)
        {
            return refusal;
        }
        if (await CheckFindingsAsync(session, id, request.FindingIds!) is { } invalid)
        {
            return invalid;
        }
        var recommendationId = existing ?? Guid.CreateVersion7();
        var parameters = new
        {
            id, recommendationId, title = request.Title.Trim(), text = request.Text.Trim(), by = context.User.PersonId(),
            now = time.GetUtcNow().ToUniversalTime(), findingIds = findingIds.ToArray(),
        };
        var row = existing is null
            ? await session.QuerySingleAsync<RecommendationRow>("""
                INSERT INTO diagnosis_recommendations (id, diagnosis_id, jst_terc, title, text, created_by, created_at, updated_by, updated_at)
                SELECT @recommendationId, d.id, d.jst_terc, @title, @text, @by, @now, @by, @now FROM diagnoses d WHERE d.id = @id
                RETURNING id, title, text, created_at, updated_at
                """, parameters)
            : await session.QuerySingleOrDefaultAsync<RecommendationRow>("""
                UPDATE diagnosis_recommendations SET title = @title, text = @text, updated_by = @by, updated_at = @now
                WHERE id = @recommendationId AND diagnosis_id = @id
                RETURNING id, title, text, created_at, updated_at
                """, parameters);
        if (row is null)
        {
            return NoSuchRecommendation();
        }
        await session.ExecuteAsync("""
            DELETE FROM diagnosis_recommendation_findings WHERE recommendation_id = @recommendationId;
            INSERT INTO diagnosis_recommendation_findings (recommendation_id, finding_id, jst_terc)
            SELECT @recommendationId, f, d.jst_terc FROM unnest(@findingIds) AS f, diagnoses d WHERE d.id = @id;
            """, parameters);
        await session.CommitAsync();
        var view = new RecommendationView(row.Id, row.Title, row.Text, findingIds, row.CreatedAt, row.UpdatedAt);
        return existing is null ? TypedResults.Created($"/api/monitoring/diagnoses/{id}/recommendations/{recommendationId}", view) : TypedResults.Ok(view);
    }

    private static async Task<IResult> RemoveRecommendationAsync(Guid id, Guid recommendationId, HttpContext context, DataSession session)
    {
        var (_, refusal) = await EditableAsync(session, context, id);
        if (refusal is not null)
        {
            return refusal;
        }
        if (await session.ExecuteAsync("DELETE FROM diagnosis_recommendations WHERE id = @recommendationId AND diagnosis_id = @id", new { id, recommendationId }) == 0)
        {
            return NoSuchRecommendation();
        }
        await session.CommitAsync();
        return TypedResults.NoContent();
    }

    private static IResult NoSuchFinding() => ProblemDetailsDefaults.NotFound("Diagnoza nie ma takiego ustalenia.", "The diagnosis has no such finding.");

    private static IResult NoSuchRecommendation() =>
        ProblemDetailsDefaults.NotFound("Diagnoza nie ma takiej rekomendacji.", "The diagnosis has no such recommendation.");
}

public static class FindingPriority
{
    public const string High = "high";
    public const string Medium = "medium";
    public const string Low = "low";

    public static readonly IReadOnlyList<string> All = [High, Medium, Low];
}
