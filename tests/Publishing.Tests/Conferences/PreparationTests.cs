using System.Text;
using Cro.Publishing.Features.Conferences.Attendance;
using MiniExcelLibs;

namespace Cro.Publishing.Tests.Conferences;

/// <summary>What ORE prepares and files: the needs of the people holding places, counted, and the attendance list as CSV and XLSX.</summary>
public sealed class PreparationTests(PublishingService service) : IClassFixture<PublishingService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_needs_list_counts_each_need_among_the_people_holding_a_place_and_says_whose_they_are()
    {
        var conference = await service.PublishedAsync(capacity: 3);
        var interpreter = await service.RegisteredAsync(conference.Id, Conferences.Registration("gluchy@example.pl", "Adam Cichy",
            sex: "man", needs: ["sign-language-interpreter", "diet"], diet: "Wegańska"));
        await service.ActedAsync(interpreter.Id, "confirm");
        await service.RegisteredAsync(conference.Id, Conferences.Registration("wozek@example.pl", "Beata Kołowa", needs: ["step-free-access", "assistant", "diet"],
            diet: "wegańska ", needsNote: "Asystentka przyjedzie ze mną."));
        await service.ConfirmedAsync(conference.Id, "bez.potrzeb@example.pl");
        // Waiting for a place: not prepared for yet.
        await service.RegisteredAsync(conference.Id, Conferences.Registration("czeka@example.pl", needs: ["induction-loop"]));
        using var ore = service.Operator();

        var needs = (await ore.GetFromJsonAsync<NeedsList.NeedsSummary>($"{Conferences.Api}/conferences/{conference.Id}/needs", Ct))!;

        Assert.Equal((3, 2), (needs.Participants, needs.Confirmed));
        Assert.Equal(
            [("sign-language-interpreter", 1, 1), ("induction-loop", 0, 0), ("step-free-access", 1, 0), ("diet", 2, 1), ("assistant", 1, 0)],
            needs.Counts.Select(c => (c.Code, c.People, c.Confirmed)));
        Assert.Equal("tłumacz polskiego języka migowego (PJM)", needs.Counts[0].Label);
        Assert.Equal(("wegańska", 2), (Assert.Single(needs.Diets).Diet, needs.Diets[0].People));
        Assert.Equal(["Adam Cichy", "Beata Kołowa"], needs.People.Select(p => p.FullName));
        Assert.Equal("Asystentka przyjedzie ze mną.", needs.People[1].NeedsNote);
        Assert.Equal(HttpStatusCode.Unauthorized, (await service.Anonymous.GetAsync($"{Conferences.Api}/conferences/{conference.Id}/needs", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_attendance_list_exports_as_CSV_and_XLSX_with_a_column_per_day_and_the_consents_to_respect()
    {
        var conference = await service.PublishedAsync(capacity: 5);
        var present = await service.RegisteredAsync(conference.Id, Conferences.Registration("obecna@example.pl", "Zofia Obecna", consentParticipantList: true));
        await service.ActedAsync(present.Id, "confirm");
        await service.ConfirmedAsync(conference.Id, "nieobecny@example.pl", sex: "man");
        using var staff = service.Operator();
        var ticket = (await service.QueryAsync<Guid>("SELECT ticket_id FROM conference_registrations WHERE id = @Id", new { present.Id })).Single();
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"{Conferences.Api}/conferences/{conference.Id}/check-ins",
            new { code = service.Links.TicketCodeOf(ticket), day = conference.Days[1] }, Ct)).StatusCode);
        var url = $"{Conferences.Api}/conferences/{conference.Id}/attendance/export";

        var csv = await staff.GetAsync($"{url}?format=csv", Ct);
        var xlsx = await staff.GetAsync($"{url}?format=xlsx", Ct);
        var pdf = await staff.GetAsync($"{url}?format=pdf", Ct);

        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync(Ct)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"Lp.,Imię i nazwisko,E-mail,Instytucja,Kod TERYT,Stanowisko,Płeć,Stan zgłoszenia,Obecność {conference.Days[0]:yyyy-MM-dd},"
            + $"Obecność {conference.Days[1]:yyyy-MM-dd},Zaświadczenie,Zgoda na listę uczestników,Zgoda na wizerunek,plec_kod,stan_kod", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("1,Anna Nowak,nieobecny@example.pl,Szkoła Podstawowa nr 1 w Gromadce,,dyrektor szkoły,mężczyzna,potwierdzone,,,,nie,nie,man,confirmed",
            lines[1]);
        Assert.Matches(@"^2,Zofia Obecna,obecna@example\.pl,.*,potwierdzone,,\d\d:\d\d,KONF/\d{4}/\d{6},tak,nie,woman,confirmed$", lines[2]);

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        using var workbook = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(Ct));
        var rows = workbook.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["Anna Nowak", "Zofia Obecna"], rows.Select(r => r["Imię i nazwisko"]?.ToString()));
        Assert.Equal("tak", rows[1]["Zgoda na listę uczestników"]?.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, pdf.StatusCode);
    }
}
