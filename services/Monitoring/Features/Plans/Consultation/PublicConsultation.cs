using Microsoft.Extensions.Options;

namespace Cro.Monitoring.Features.Plans.Consultation;

/// <summary>
/// A plan's consultation through one of its links, without an account. GET /api/monitoring/public/consultations/{token}
/// — the consulted version's content (priorities, goals, actions with their schedule and budget, risks), the period, the
/// JST's schools (to say which one the participant speaks for) and the stakeholder types. POST …/comments — a comment:
/// whom the participant speaks as, optionally their name and school, on the whole plan or one priority or action of the
/// version, the text (up to <see cref="MaxText"/> characters), with their consent to the processing of what they give
/// (400 without it) and, apart, whether their name may be published in the resolution log. A token that names no link is
/// 404; a link revoked or replaced, or a consultation closed (by the team or past its last day), 410 with the reason; a
/// comment before the first day 409; past a limit per address, invitation or public link 429 (<see cref="CommentLimits"/>).
/// Nothing is written on any refusal.
/// </summary>
public static class PublicConsultation
{
    public const int MaxText = 4000;

    /// <summary>A request body larger than this is refused before it is read (413): a comment's fields fit in a fraction of it.</summary>
    public const long MaxBodyBytes = 64 * 1024;

    public static string PathOf(string token) => $"/api/monitoring/public/consultations/{token}";

    /// <param name="State">scheduled (comments from <paramref name="OpensOn"/>) or open.</param>
    /// <param name="LinkKind">public, or personal (an invitation).</param>
    /// <param name="Plan">The consulted version: its content, and its budget by year and source.</param>
    /// <param name="Schools">The JST's schools, for the participant to say which one they speak for.</param>
    /// <param name="StakeholderTypes">Whom a participant may speak as.</param>
    [OpenApiSchemaName("PublicPlanConsultation")]
    public sealed record PublicConsultationView(string JstTerc, string? JstName, DateOnly OpensOn, DateOnly ClosesOn, string State, string LinkKind,
        PlanVersionView Plan, IReadOnlyList<ConsultationSchool> Schools, IReadOnlyList<string> StakeholderTypes);

    [OpenApiSchemaName("ConsultationSchool")]
    public sealed record ConsultationSchool(Guid Id, string Name, string Town);

    /// <param name="StakeholderType">Whom the participant speaks as: school-director, teacher, parent, pupil, employer, ngo, other.</param>
    /// <param name="TargetId">A priority or action of the consulted version; null for the whole plan.</param>
    /// <param name="Consent">Consent to the processing of the data given, for this consultation (required).</param>
    /// <param name="PublishName">Consent to the name (and school) appearing in the public resolution log (needs a name).</param>
    [OpenApiSchemaName("ConsultationCommentRequest")]
    public sealed record CommentRequest(
        [property: FieldLabel("Kim jesteś", "Whom you speak as")] string StakeholderType,
        [property: FieldLabel("Imię i nazwisko", "Name")] string? Name,
        [property: FieldLabel("Szkoła", "School")] Guid? SchoolId,
        [property: FieldLabel("Czego dotyczy uwaga", "What the comment is about")] Guid? TargetId,
        [property: FieldLabel("Uwaga", "Comment")] string Text,
        [property: FieldLabel("Zgoda na przetwarzanie danych", "Consent to processing")] bool Consent,
        [property: FieldLabel("Zgoda na opublikowanie imienia i nazwiska", "Consent to publishing the name")] bool PublishName = false);

    [OpenApiSchemaName("ConsultationCommentReceipt")]
    public sealed record CommentReceipt(Guid Id, DateTimeOffset CreatedAt, DateOnly ClosesOn);

    public sealed class Validator : AbstractValidator<CommentRequest>
    {
        public Validator()
        {
            RuleFor(r => r.StakeholderType).Must(t => t is not null && ConsultationStakeholder.All.ContainsKey(t))
                .WithMessage(_ => Text.Pick($"Wybierz, kim jesteś: {string.Join(", ", ConsultationStakeholder.Types)}.",
                    $"Choose whom you speak as: {string.Join(", ", ConsultationStakeholder.Types)}."));
            RuleFor(r => r.Name).MaximumLength(200)
                .WithMessage(_ => Text.Pick("Imię i nazwisko ma do 200 znaków.", "The name has up to 200 characters."));
            RuleFor(r => r.Text).RequiredText(MaxText)
                .WithMessage(_ => Text.Pick($"Napisz uwagę (do {MaxText} znaków).", $"Write the comment (up to {MaxText} characters)."));
            RuleFor(r => r.Consent).Equal(true)
                .WithMessage(_ => Text.Pick("Zgoda na przetwarzanie podanych danych w tych konsultacjach jest potrzebna, aby przyjąć uwagę.",
                    "Consent to the processing of the data you give in this consultation is needed to take the comment."));
            RuleFor(r => r.PublishName).Must((r, publish) => !publish || !string.IsNullOrWhiteSpace(r.Name))
                .WithMessage(_ => Text.Pick("Aby opublikować imię i nazwisko, podaj je.", "To have your name published, give it."));
        }
    }

    private sealed record LinkRow(Guid Id, Guid ConsultationId, string Kind, DateTimeOffset? RevokedAt, string? RevokedHow);

    public static IEndpointRouteBuilder MapPublicConsultation(this IEndpointRouteBuilder api)
    {
        api.MapGet("/public/consultations/{token}", GetAsync)
            .WithName("GetPublicPlanConsultation").WithSummary("Projekt planu w konsultacjach, z łącza / The plan's draft in consultation, through a link")
            .Produces<PublicConsultationView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status410Gone)
            .AllowAnonymous();
        api.MapPost("/public/consultations/{token}/comments", CommentAsync)
            .WithName("CommentPlanInConsultation").WithSummary("Zgłoś uwagę do projektu planu / Comment on the plan's draft")
            .WithMetadata(new BodySizeLimit(MaxBodyBytes))
            .Validate<CommentRequest>().Produces<CommentReceipt>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status410Gone)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .AllowAnonymous();
        return api;
    }

    private static async Task<IResult> GetAsync(string token, NpgsqlDataSource db, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var session = await OpenAsync(db, token, ct);
        var (consultation, link, refusal) = await FindAsync(session, token, now, forUpdate: false);
        if (refusal is not null)
        {
            return refusal;
        }
        var version = (await PlanVersionRow.ListAsync(session, consultation!.PlanId)).Single(v => v.Id == consultation.VersionId);
        using var rows = await session.QueryMultipleAsync("""
            SELECT name FROM jst WHERE terc = @JstTerc;
            SELECT id, name, town FROM schools WHERE jst_terc = @JstTerc AND status = 'active' ORDER BY name COLLATE "pl-x-icu", id;
            """, new { consultation.JstTerc });
        var jstName = await rows.ReadSingleOrDefaultAsync<string?>();
        var schools = (await rows.ReadAsync<ConsultationSchool>()).ToList();
        return TypedResults.Ok(new PublicConsultationView(consultation.JstTerc, jstName, consultation.OpensOn, consultation.ClosesOn,
            consultation.StateAt(now), link!.Kind, PlanVersionView.Of(version), schools, ConsultationStakeholder.Types));
    }

    private static async Task<IResult> CommentAsync(string token, CommentRequest request, HttpContext context, NpgsqlDataSource db,
        IOptions<ConsultationOptions> options, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var session = await OpenAsync(db, token, ct);
        // Locked: comments on one consultation queue up behind each other and behind its closing, so none comes in after
        // it closed, and the limits count every comment before.
        var (consultation, link, refusal) = await FindAsync(session, token, now, forUpdate: true);
        if (refusal is not null)
        {
            return refusal;
        }
        if (consultation!.StateAt(now) == ConsultationRow.Scheduled)
        {
            return Problems.Conflict("Konsultacje jeszcze się nie zaczęły.", "The consultation has not started yet.",
                $"Uwagi przyjmujemy od {consultation.OpensOn:dd.MM.yyyy} do {consultation.ClosesOn:dd.MM.yyyy}.",
                $"Comments are taken from {consultation.OpensOn:yyyy-MM-dd} to {consultation.ClosesOn:yyyy-MM-dd}.");
        }
        if (request.TargetId is { } target && !ConsultationTarget.Of(consultation.Document).ContainsKey(target))
        {
            return Problems.Field("targetId", "Projekt planu nie ma takiego priorytetu ani działania.", "The plan's draft has no such priority or action.");
        }
        if (request.SchoolId is { } school && !await session.ExecuteScalarAsync<bool>(
                "SELECT EXISTS (SELECT 1 FROM schools WHERE id = @school AND jst_terc = @JstTerc AND status = 'active')", new { school, consultation.JstTerc }))
        {
            return Problems.Field("schoolId", "Wybierz szkołę z listy szkół JST.", "Choose a school from the JST's list.");
        }
        var clientKey = ClientAddress.KeyOf(context, consultation.Id);
        if (await CommentLimits.CheckAsync(session, context, options.Value, consultation.Id, link!.Id, link.Kind, clientKey, now) is { } limited)
        {
            return limited;
        }
        var name = string.IsNullOrWhiteSpace(request.Name) ? null : request.Name.Trim();
        var receipt = new CommentReceipt(Guid.CreateVersion7(), now, consultation.ClosesOn);
        await session.ExecuteAsync("""
            INSERT INTO consultation_comments (id, consultation_id, jst_terc, link_id, stakeholder_type, author_name, publish_name, school_id, target_id,
                                               text, consented_at, client_key, created_at)
            VALUES (@Id, @consultationId, @terc, @linkId, @StakeholderType, @name, @publish, @SchoolId, @TargetId, @text, @now, @clientKey, @now);
            UPDATE consultation_links SET last_used_at = @now WHERE id = @linkId;
            """, new
        {
            receipt.Id, consultationId = consultation.Id, terc = consultation.JstTerc, linkId = link.Id, request.StakeholderType, name,
            publish = request.PublishName && name is not null, request.SchoolId, request.TargetId, text = request.Text.Trim(), clientKey,
            now = now.ToUniversalTime(),
        });
        await session.CommitAsync();
        CommentLimits.CountReceived();
        return TypedResults.Created($"/api/monitoring/public/consultations/{token}", receipt);
    }

    /// <summary>A session scoped to the JST whose consultation the link names (none when it names no link).</summary>
    private static Task<DataSession> OpenAsync(NpgsqlDataSource db, string token, CancellationToken ct) =>
        DataSession.OpenAsync(db, async (transaction, ct) =>
        {
            await using var lookup = new NpgsqlCommand("SELECT consultation_link_jst(@hash)", transaction.Connection, transaction);
            lookup.Parameters.AddWithValue("hash", (object?)LinkTokens.Hash(token) ?? DBNull.Value);
            return await lookup.ExecuteScalarAsync(ct) is string terc ? JstScope.Of([terc]) : JstScope.None;
        }, ct);

    /// <summary>The link's consultation (locked when asked), or why the link does not work: 404 unknown, 410 revoked, replaced or closed.</summary>
    private static async Task<(ConsultationRow? Consultation, LinkRow? Link, IResult? Refusal)> FindAsync(DataSession session, string token,
        DateTimeOffset now, bool forUpdate)
    {
        var link = await session.QuerySingleOrDefaultAsync<LinkRow>(
            "SELECT id, consultation_id, kind, revoked_at, revoked_how FROM consultation_links WHERE token_hash = @hash", new { hash = LinkTokens.Hash(token) });
        if (link is null)
        {
            return (null, null, ProblemDetailsDefaults.NotFound(
                "Nie ma takiego łącza do konsultacji planu. Sprawdź, czy adres jest skopiowany w całości.",
                "There is no such link to a plan's consultation. Check that the whole address was copied."));
        }
        var consultation = (await session.QuerySingleAsync<ConsultationRow>(
            ConsultationRow.Select + " WHERE c.id = @ConsultationId" + (forUpdate ? " FOR UPDATE OF c" : ""), new { link.ConsultationId }))!;
        IResult? gone = link.RevokedHow switch
        {
            "revoked" => Gone(link.RevokedAt!.Value, "Zespół JST unieważnił to łącze {0}. Jeśli konsultacje trwają, poproś zespół o nowe łącze.",
                "The JST's team revoked this link on {0}. If the consultation goes on, ask the team for a new link."),
            "replaced" => Gone(link.RevokedAt!.Value, "To łącze zastąpiono {0} nowym. Użyj najnowszego łącza od zespołu JST.",
                "This link was replaced by a new one on {0}. Use the latest link from the JST's team."),
            _ => consultation.ClosedAtOrTermEnd(now) is { } closed
                ? Gone(closed, "Konsultacje tego projektu planu zakończyły się {0}; uwag już nie przyjmujemy. Rozstrzygnięcia uwag zespół JST opublikuje z przyjętym planem.",
                    "The consultation of this plan's draft closed on {0}; comments are no longer taken. The JST's team publishes how it resolved them with the adopted plan.")
                : null,
        };
        return (consultation, link, gone);
    }

    private static IResult Gone(DateTimeOffset at, string detailPl, string detailEn) =>
        Results.Problem(statusCode: StatusCodes.Status410Gone,
            title: Text.Pick("Łącze do konsultacji nie jest już ważne.", "The link to the consultation is no longer valid."),
            detail: string.Format(System.Globalization.CultureInfo.InvariantCulture, Text.Pick(detailPl, detailEn), WarsawTime.Format(at)));
}
