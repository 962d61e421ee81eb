namespace Cro.Monitoring.Features.EsfParticipants;

/// <summary>
/// A person of an accepted (and not withdrawn) task team as monitoring knows them for ESF+: who they are (recruitment's
/// events), when their support started (the first training session they attended, or the date ORE set), and their own
/// answers, if given. Never the special-category answers: those are read apart, by the ESF+ data role only.
/// </summary>
public sealed class ParticipantRow
{
    public Guid MemberId { get; init; }
    public Guid ApplicationId { get; init; }
    public string JstTerc { get; init; } = "";
    public string? JstName { get; init; }
    public string FullName { get; init; } = "";
    public string Email { get; init; } = "";
    public DateTimeOffset? ErasedAt { get; init; }
    /// <summary>The sex category recruitment's events carried: what the form starts with.</summary>
    public string? TeamSex { get; init; }
    public DateTimeOffset? FirstSessionAt { get; init; }
    public string? Sex { get; init; }
    public int? AgeAtStart { get; init; }
    public string? Pesel { get; init; }
    public bool? NoPesel { get; init; }
    public string? Education { get; init; }
    public string? LabourStatus { get; init; }
    public DateTimeOffset? SpecialCategoriesGivenAt { get; init; }
    public DateTimeOffset? SubmittedAt { get; init; }
    public DateTimeOffset? ReopenedAt { get; init; }
    public DateOnly? SupportStartOn { get; init; }
    public DateOnly? SupportEndOn { get; init; }
    public string SupportForm { get; init; } = "training";

    /// <summary>The start of support: ORE's date, else the day (in Warsaw) of the first session attended.</summary>
    public DateOnly? SupportStart => SupportStartOn
        ?? (FirstSessionAt is { } at ? DateOnly.FromDateTime(WarsawTime.InWarsaw(at).DateTime) : null);

    public bool Started => SupportStart is not null;

    /// <summary>Submitted and not reopened: a second submission is refused until ORE reopens it.</summary>
    public bool Locked => SubmittedAt is not null && ReopenedAt is null;

    /// <summary>Given names and surname from the team's full name: the surname is its last word (SM EFS has two columns).</summary>
    public (string GivenNames, string Surname) Name
    {
        get
        {
            var name = FullName.Trim();
            var last = name.LastIndexOf(' ');
            return last < 0 ? ("", name) : (name[..last].Trim(), name[(last + 1)..]);
        }
    }

    /// <summary>What the person still lacks to be reported, in the form's order (empty: reportable).</summary>
    public IReadOnlyList<MissingItem> Missing()
    {
        var missing = new List<MissingItem>();
        void Need(bool present, string field, string pl, string en)
        {
            if (!present)
            {
                missing.Add(new MissingItem(field, Text.Pick(pl, en)));
            }
        }
        Need(Sex is not null, "sex", "płeć", "sex");
        Need(AgeAtStart is not null, "age", "wiek", "age");
        Need(Pesel is not null || NoPesel == true, "pesel", "PESEL", "PESEL");
        Need(Education is not null, "education", "wykształcenie", "education");
        Need(LabourStatus is not null, "labourStatus", "status na rynku pracy", "labour market status");
        Need(SpecialCategoriesGivenAt is not null, "specialCategories", "odpowiedzi o sytuacji społecznej (niepełnosprawność, pochodzenie, mniejszość, bezdomność)",
            "answers about social situation (disability, origin, minority, homelessness)");
        Need(Started, "supportStart", "data rozpoczęcia wsparcia (pierwsze zajęcia)", "start of support (first session)");
        return missing;
    }

    public const string Select = """
        SELECT p.member_id, p.application_id, p.jst_terc, j.name AS jst_name, p.full_name, p.email, p.erased_at, m.sex AS team_sex,
               s.first_session_at, e.sex, e.age_at_start, e.pesel, e.no_pesel, e.education, e.labour_status, e.special_categories_given_at,
               e.submitted_at, e.reopened_at, e.support_start_on, e.support_end_on, coalesce(e.support_form, 'training') AS support_form
        FROM esf_people p
        JOIN recruitment_applications a ON a.id = p.application_id AND a.supported
        LEFT JOIN jst j ON j.terc = p.jst_terc
        LEFT JOIN recruitment_team_members m ON m.application_id = p.application_id AND m.member_id = p.member_id
        LEFT JOIN LATERAL (
            SELECT min(coalesce(t.session_starts_at, t.recorded_at)) AS first_session_at
            FROM training_attendance t WHERE t.participant_id = p.member_id AND t.attended) s ON true
        LEFT JOIN esf_participants e ON e.member_id = p.member_id
        """;

    /// <summary>Every person of supported teams the session's scope sees (optionally of one JST), by JST and name.</summary>
    public static async Task<IReadOnlyList<ParticipantRow>> ListAsync(DataSession session, string? terc = null) =>
        (await session.QueryAsync<ParticipantRow>($"""
            {Select}
            WHERE (@terc::text IS NULL OR p.jst_terc = @terc)
            ORDER BY p.jst_terc, p.full_name, p.member_id
            """, new { terc })).AsList();

    public static Task<ParticipantRow?> FindAsync(DataSession session, Guid memberId) =>
        session.QuerySingleOrDefaultAsync<ParticipantRow>($"{Select} WHERE p.member_id = @memberId", new { memberId });

    /// <summary>
    /// The signed-in team member's own row: the person of their JST's supported team whose address is their account's
    /// (the latest, should they have been in teams of several rounds).
    /// </summary>
    public static async Task<ParticipantRow?> OfCallerAsync(DataSession session, System.Security.Claims.ClaimsPrincipal user)
    {
        var (email, terc) = (user.FindFirst(CroClaims.Email)?.Value, user.JstTerc());
        if (string.IsNullOrWhiteSpace(email) || terc is null)
        {
            return null;
        }
        return await session.QueryFirstOrDefaultAsync<ParticipantRow>($"""
            {Select}
            WHERE lower(p.email) = lower(@email) AND p.jst_terc = @terc AND p.erased_at IS NULL
            ORDER BY p.joined_at DESC
            """, new { email, terc });
    }
}

/// <summary>An item a participant lacks: the form's field name and what it is in words.</summary>
[OpenApiSchemaName("EsfMissingItem")]
public sealed record MissingItem(string Field, string Label);
