using System.Net;
using Cro.BuildingBlocks.Persistence;
using Cro.Monitoring.Features.EsfParticipants;
using Cro.Monitoring.Features.Training;
using Cro.ServiceDefaults;
using Cro.ServiceDefaults.Security;
using Dapper;
using Npgsql;

namespace Cro.Monitoring.Tests;

/// <summary>
/// The ESF+ participant's form: filled once by the person (found by their account's address), read back without the
/// special-category answers, which only the ESF+ data role reads (checked down to the database); bad answers refused with
/// nothing written; ORE's completeness list; erasure that leaves the counts.
/// </summary>
public sealed class EsfParticipantTests(MonitoringService service) : IClassFixture<MonitoringService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<int> RowsAsync(Guid memberId) => service.QueryAsync<int>("""
        SELECT (SELECT count(*) FROM esf_participants WHERE member_id = @memberId)::int + (SELECT count(*) FROM esf_special_categories WHERE member_id = @memberId)::int
        """, new { memberId }).ContinueWith(t => t.Result.Single(), TaskScheduler.Default);

    [Fact]
    public async Task Participant_fills_the_form_once_sees_it_back_without_special_categories_and_ORE_reopens_it()
    {
        var anna = EsfTeam.NewPerson("Anna Maria Kowalska", "woman");
        var team = await EsfTeam.AcceptAsync(service, "0201032", anna);
        var member = team.SignedIn(anna);

        var empty = await member.GetFromJsonAsync<MyParticipantForm.MyParticipantView>("/api/monitoring/me/esf-participant", Ct);
        Assert.Equal((false, true, "woman", "Anna Maria Kowalska"), (empty!.Submitted, empty.CanSubmit, empty.SuggestedSex, empty.FullName));
        Assert.Contains(empty.Missing, m => m.Field == "specialCategories");

        var saved = await EsfTeam.SubmitAsync(member, EsfTeam.Form(disability: "yes", minority: "refused"));
        Assert.Equal((true, false, "woman", 42, true, true, "isced-5-8"),
            (saved.Submitted, saved.CanSubmit, saved.Sex, saved.Age, saved.PeselGiven, saved.SpecialCategoriesGiven, saved.Education));
        var mine = await member.GetStringAsync("/api/monitoring/me/esf-participant", Ct);
        Assert.DoesNotContain("disability", mine, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("refused", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("44051401359", mine, StringComparison.Ordinal);

        // Filled once: a second submission waits for ORE.
        var again = await member.PutAsJsonAsync("/api/monitoring/me/esf-participant", EsfTeam.Form(education: "isced-3"), Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        // ORE sees the non-sensitive data: not the answers, not the PESEL number.
        var operatorView = await service.Operator().GetStringAsync($"/api/monitoring/participants?terc={team.Terc}", Ct);
        Assert.Contains("isced-5-8", operatorView, StringComparison.Ordinal);
        Assert.DoesNotContain("44051401359", operatorView, StringComparison.Ordinal);
        Assert.DoesNotContain("refused", operatorView, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await service.Operator().PostAsync($"/api/monitoring/participants/{anna.MemberId}/reopen", null, Ct)).StatusCode);
        var corrected = await EsfTeam.SubmitAsync(member, EsfTeam.Form(education: "isced-3", disability: "no", minority: "no"));
        Assert.Equal(("isced-3", false), (corrected.Education, corrected.CanSubmit));

        // Only the ESF+ data role reads the answers: the latest submission's.
        var answers = await EsfTeam.EsfData(service).GetFromJsonAsync<SpecialCategoryAnswers>(
            $"/api/monitoring/participants/{anna.MemberId}/special-categories", Ct);
        Assert.Equal(("no", "no", "no"), (answers!.Disability, answers.Minority, answers.Homelessness));
        foreach (var client in new[] { service.Operator(), EsfTeam.Admin(service), member })
        {
            Assert.Equal(HttpStatusCode.Forbidden,
                (await client.GetAsync($"/api/monitoring/participants/{anna.MemberId}/special-categories", Ct)).StatusCode);
        }
    }

    [Theory]
    [InlineData("education", "isced-9")]
    [InlineData("labourStatus", "unemployed")]
    [InlineData("age", "14")]
    [InlineData("age", "101")]
    [InlineData("pesel", "44051401358")]
    [InlineData("sex", "undisclosed")]
    [InlineData("minority", "maybe")]
    public async Task Bad_answer_is_refused_naming_the_field_and_nothing_is_written(string field, string value)
    {
        var jan = EsfTeam.NewPerson("Jan Nowak", "man");
        var team = await EsfTeam.AcceptAsync(service, "0201042", jan);
        var form = EsfTeam.Form(sex: "man");
        form = field switch
        {
            "education" => form with { Education = value },
            "labourStatus" => form with { LabourStatus = value },
            "age" => form with { Age = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
            "pesel" => form with { Pesel = value },
            "sex" => form with { Sex = value },
            _ => form with { Minority = value },
        };

        var response = await team.SignedIn(jan).PutAsJsonAsync("/api/monitoring/me/esf-participant", form, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Http.HttpValidationProblemDetails>(Ct);
        Assert.Equal([field], problem!.Errors.Keys);
        Assert.Equal(0, await RowsAsync(jan.MemberId));
    }

    [Fact]
    public async Task Nobody_fills_or_reads_another_persons_form()
    {
        var ewa = EsfTeam.NewPerson("Ewa Zielińska", "woman");
        var team = await EsfTeam.AcceptAsync(service, "0201052", ewa);
        var stranger = EsfTeam.NewPerson("Obca Osoba", "woman");

        // Someone whose address is in no accepted team, and Ewa's address under another JST's token: not found, nothing written.
        foreach (var client in new[] { team.SignedIn(stranger), team.SignedIn(ewa, jst: "0201011") })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/monitoring/me/esf-participant", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync("/api/monitoring/me/esf-participant", EsfTeam.Form(), Ct)).StatusCode);
        }
        Assert.Equal(0, await RowsAsync(ewa.MemberId));
        // A team member reads no one's data through ORE's endpoints.
        var member = team.SignedIn(ewa);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/api/monitoring/participants", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/api/monitoring/participants/completeness", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsync($"/api/monitoring/participants/{ewa.MemberId}/reopen", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task Special_categories_are_unreadable_in_the_database_without_the_ESF_data_setting()
    {
        var ola = EsfTeam.NewPerson("Ola Wiśniewska", "woman");
        var team = await EsfTeam.AcceptAsync(service, "0201062", ola);
        await EsfTeam.SubmitAsync(team.SignedIn(ola), EsfTeam.Form(disability: "yes"));
        Assert.Equal([1], await service.QueryAsync<int>("SELECT count(*)::int FROM esf_special_categories WHERE member_id = @id", new { id = ola.MemberId }));

        await using var connection = new NpgsqlConnection(service.Factory.Database.AppConnectionString);
        await connection.OpenAsync(Ct);
        async Task<long> CountAsync(Func<NpgsqlTransaction, Task>? settings)
        {
            await using var transaction = await connection.BeginTransactionAsync(Ct);
            if (settings is not null)
            {
                await settings(transaction);
            }
            return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT count(*) FROM esf_special_categories WHERE member_id = @id", new { id = ola.MemberId }, transaction, cancellationToken: Ct));
        }

        // As the application's role: nothing without the setting, even with every JST in scope or as the person herself.
        Assert.Equal(0, await CountAsync(null));
        Assert.Equal(0, await CountAsync(t => t.SetJstScopeAsync(JstScope.All, Ct)));
        Assert.Equal(0, await CountAsync(t => t.AllowOwnSpecialCategoryAnswersAsync(ola.MemberId, Ct)));
        Assert.Equal(1, await CountAsync(t => t.AllowSpecialCategoriesAsync(Ct)));

        // Adding answers for someone else than the transaction's subject is refused; the answers are never changed in place.
        await using (var transaction = await connection.BeginTransactionAsync(Ct))
        {
            await transaction.AllowOwnSpecialCategoryAnswersAsync(Guid.CreateVersion7(), Ct);
            var refused = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO esf_special_categories (id, member_id, disability, foreign_origin, third_country_national, minority, homelessness, recorded_at)
                VALUES (gen_random_uuid(), @id, 'no', 'no', 'no', 'no', 'no', now())
                """, new { id = ola.MemberId }, transaction, cancellationToken: Ct)));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }
        await using (var transaction = await connection.BeginTransactionAsync(Ct))
        {
            await transaction.AllowSpecialCategoriesAsync(Ct);
            var refused = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync(new CommandDefinition(
                "UPDATE esf_special_categories SET disability = 'no' WHERE member_id = @id", new { id = ola.MemberId }, transaction, cancellationToken: Ct)));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }
    }

    [Fact]
    public async Task Completeness_lists_per_JST_who_cannot_be_reported_and_what_each_lacks()
    {
        var (done, notFilled, notStarted) = (EsfTeam.NewPerson("Zofia Gotowa", "woman"), EsfTeam.NewPerson("Piotr Bezformularza", "man"),
            EsfTeam.NewPerson("Maria Niezaczęta", "woman"));
        var team = await EsfTeam.AcceptAsync(service, "0201072", done, notFilled, notStarted);
        await team.AttendAsync(done, DateTimeOffset.UtcNow.AddDays(-3));
        await team.AttendAsync(notFilled, DateTimeOffset.UtcNow.AddDays(-3));
        await EsfTeam.SubmitAsync(team.SignedIn(done), EsfTeam.Form());
        await EsfTeam.SubmitAsync(team.SignedIn(notStarted), EsfTeam.Form(noPesel: true, pesel: null, age: 30));

        var completeness = await service.Operator().GetFromJsonAsync<ParticipantsOversight.CompletenessResponse>("/api/monitoring/participants/completeness", Ct);

        var jst = Assert.Single(completeness!.Jst, j => j.Terc == team.Terc);
        Assert.Equal((3, 1), (jst.People, jst.Complete));
        var lacking = jst.Incomplete.ToDictionary(p => p.FullName, p => p.Missing.Select(m => m.Field).ToList());
        Assert.Equal(["Maria Niezaczęta", "Piotr Bezformularza"], lacking.Keys.Order());
        Assert.Equal(["supportStart"], lacking["Maria Niezaczęta"]);
        Assert.Equal(["sex", "age", "pesel", "education", "labourStatus", "specialCategories"], lacking["Piotr Bezformularza"]);

        // ORE sets the start for the one who began otherwise (e.g. advisory first): she is complete.
        var set = await service.Operator().PutAsJsonAsync($"/api/monitoring/participants/{notStarted.MemberId}/support",
            new ParticipantsOversight.SupportChange(DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)), null, "advisory"), Ct);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var after = await service.Operator().GetFromJsonAsync<ParticipantsOversight.CompletenessResponse>("/api/monitoring/participants/completeness", Ct);
        Assert.Equal(["Piotr Bezformularza"], Assert.Single(after!.Jst, j => j.Terc == team.Terc).Incomplete.Select(p => p.FullName));

        // An end before the start is refused, naming the field, and changes nothing.
        var backwards = await service.Operator().PutAsJsonAsync($"/api/monitoring/participants/{done.MemberId}/support",
            new ParticipantsOversight.SupportChange(null, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-30)), "training"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Contains("endOn", await backwards.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal([(DateTime?)null], await service.QueryAsync<DateTime?>("SELECT support_end_on::timestamp FROM esf_participants WHERE member_id = @id",
            new { id = done.MemberId }));
    }

    [Fact]
    public async Task Data_are_in_the_persons_export_and_erasure_pseudonymises_them_without_changing_the_counts()
    {
        var kasia = EsfTeam.NewPerson("Katarzyna Usuwana", "woman");
        var team = await EsfTeam.AcceptAsync(service, "0201082", kasia);
        await team.AttendAsync(kasia, DateTimeOffset.UtcNow.AddDays(-2));
        var member = team.SignedIn(kasia);
        await EsfTeam.SubmitAsync(member, EsfTeam.Form(education: "isced-4"));

        var mine = await member.GetFromJsonAsync<MyMonitoringPersonalData.PersonalData>("/api/monitoring/me/personal-data", Ct);
        var data = Assert.Single(mine!.EsfParticipant);
        Assert.Equal(("Katarzyna Usuwana", "isced-4", "44051401359"), (data.FullName, data.Education, data.Pesel));
        Assert.NotNull(data.SpecialCategoriesGivenAt);

        var indicators = $"/api/monitoring/indicators?roundId={team.RoundId}";
        var before = await service.Partner().GetFromJsonAsync<GetProgrammeIndicators.ProgrammeIndicatorsResponse>(indicators, Ct);
        Assert.Equal(1, before!.PeopleSupported.Women);

        await service.PublishTwiceAsync(new PersonErased { UserId = Guid.CreateVersion7(), ErasedAt = DateTimeOffset.UtcNow, Email = kasia.Email.ToUpperInvariant() });
        await Eventually.GetAsync(() => service.QueryAsync<string>("SELECT full_name FROM esf_people WHERE member_id = @id", new { id = kasia.MemberId }),
            names => names.Single() == ErasedPerson.Name, what: "the name erased");

        Assert.Equal([(string?)null], await service.QueryAsync<string?>("SELECT pesel FROM esf_participants WHERE member_id = @id", new { id = kasia.MemberId }));
        Assert.DoesNotContain(kasia.Email, (await service.QueryAsync<string>("SELECT email FROM esf_people WHERE member_id = @id", new { id = kasia.MemberId })).Single(),
            StringComparison.OrdinalIgnoreCase);
        Assert.Equal([1], await service.QueryAsync<int>("SELECT count(*)::int FROM esf_special_categories WHERE member_id = @id", new { id = kasia.MemberId }));
        var after = await service.Partner().GetFromJsonAsync<GetProgrammeIndicators.ProgrammeIndicatorsResponse>(indicators, Ct);
        Assert.Equal(before.PeopleSupported, after!.PeopleSupported);
        Assert.Empty((await member.GetFromJsonAsync<MyMonitoringPersonalData.PersonalData>("/api/monitoring/me/personal-data", Ct))!.EsfParticipant);
    }
}
