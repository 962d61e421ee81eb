using Cro.Publishing.Features.Conferences.Attendance;
using Cro.Publishing.Features.Conferences.Registrations;
using UglyToad.PdfPig;

namespace Cro.Publishing.Tests.Conferences;

/// <summary>
/// At the door: the ticket's QR code, scanned, checks the participant in once a day; the attendance certificate follows
/// the conference's rule, and anyone verifies its number. Codes that are no ticket, a place not confirmed and a day
/// without the conference are refused, recording nothing.
/// </summary>
public sealed class AttendanceTests(PublishingService service) : IClassFixture<PublishingService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<HttpResponseMessage> CheckInAsync(HttpClient staff, Guid conferenceId, string code, DateOnly? day) =>
        staff.PostAsJsonAsync($"{Conferences.Api}/conferences/{conferenceId}/check-ins", new { code, day }, Ct);

    [Fact]
    public async Task The_tickets_QR_code_checks_the_participant_in_once_a_day_and_the_certificate_follows_with_public_verification()
    {
        await service.RegisterJstAsync("1201011", "Bochnia", "urban-municipality");
        var conference = await service.PublishedAsync(capacity: 10, certificateMinDays: 2);
        var receipt = await service.RegisteredAsync(conference.Id,
            Conferences.Registration("ewa.kowalska@bochnia.example.pl", "Ewa Maria Kowalska", jstTerc: "1201011", needs: ["induction-loop"]));
        var tokenPath = Conferences.Mine(service.TokenOf(receipt.Id));
        var beforeConfirming = await service.Anonymous.GetAsync($"{tokenPath}/ticket", Ct);
        await service.ActedAsync(receipt.Id, "confirm");
        using var staff = service.Operator();

        var ticket = await service.Anonymous.GetAsync($"{tokenPath}/ticket", Ct);
        var scanned = QrCodes.Read(await ticket.Content.ReadAsByteArrayAsync(Ct));
        var firstDay = await CheckInAsync(staff, conference.Id, scanned, conference.Days[0]);
        var again = await CheckInAsync(staff, conference.Id, scanned, conference.Days[0]);
        var noCertificateYet = await service.Anonymous.GetAsync($"{tokenPath}/certificate", Ct);
        var secondDay = await CheckInAsync(staff, conference.Id, scanned.Split('/')[^1], conference.Days[1]);

        Assert.Equal(HttpStatusCode.Conflict, beforeConfirming.StatusCode);
        Assert.Equal("image/png", ticket.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("https://cro.test/konferencje/bilet/", scanned);
        var first = (await firstDay.Content.ReadFromJsonAsync<CheckIn.CheckInResult>(Ct))!;
        var repeated = (await again.Content.ReadFromJsonAsync<CheckIn.CheckInResult>(Ct))!;
        Assert.Equal(("Ewa Maria Kowalska", "Bochnia", false, 1), (first.FullName, first.Institution, first.AlreadyCheckedIn, first.DaysAttended));
        Assert.Equal(["induction-loop"], first.Needs);
        Assert.Equal((true, first.CheckedInAt, 1), (repeated.AlreadyCheckedIn, repeated.CheckedInAt, repeated.DaysAttended));
        Assert.Null(first.CertificateNumber);
        Assert.Equal(HttpStatusCode.Conflict, noCertificateYet.StatusCode);
        var second = (await secondDay.Content.ReadFromJsonAsync<CheckIn.CheckInResult>(Ct))!;
        Assert.Equal((false, 2), (second.AlreadyCheckedIn, second.DaysAttended));
        Assert.Matches(@"^KONF/\d{4}/\d{6}$", second.CertificateNumber);
        var attended = await service.EventsAsync("ConferenceAttended", e => e.GetProperty("registrationId").GetGuid() == receipt.Id);
        Assert.Equal([conference.Days[0], conference.Days[1]], attended.Select(e => DateOnly.Parse(e.GetProperty("day").GetString()!)));
        Assert.All(attended, e => Assert.Equal(("woman", "jst", "1201011", "urban-municipality"), (e.GetProperty("sex").GetString(),
            e.GetProperty("institutionKind").GetString(), e.GetProperty("jstTerc").GetString(), e.GetProperty("jstKind").GetString())));
        Assert.DoesNotContain("ewa.kowalska", attended[0].GetRawText());

        var pdf = await service.Anonymous.GetAsync($"{tokenPath}/certificate", Ct);
        var byOre = await staff.GetAsync($"{Conferences.Api}/conferences/{conference.Id}/registrations/{receipt.Id}/certificate", Ct);
        var verified = await service.Anonymous.GetFromJsonAsync<AttendanceCertificates.Verification>(
            $"{Conferences.Api}/public/conference-certificates?number={Uri.EscapeDataString(second.CertificateNumber!.ToLowerInvariant())}", Ct);
        var unknown = await service.Anonymous.GetAsync($"{Conferences.Api}/public/conference-certificates?number=KONF/1999/000001", Ct);

        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        using (var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync(Ct)))
        {
            var text = string.Join(" ", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
            foreach (var expected in new[] { "ZAŚWIADCZENIE", second.CertificateNumber, "Ewa Maria Kowalska", "Bochnia", "wymiana doświadczeń", "(2 z 2)",
                         "Ośrodek Rozwoju Edukacji", "konferencje/zaswiadczenia/weryfikacja" })
            {
                Assert.Contains(expected, text);
            }
        }
        Assert.Equal(HttpStatusCode.OK, byOre.StatusCode);
        Assert.Equal((second.CertificateNumber, 2, "E. M. K."), (verified!.Number, verified.DaysAttended, verified.HolderInitials));
        Assert.Equal((conference.Days[0], conference.Days[1]), (verified.StartsOn, verified.EndsOn));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Another_conferences_ticket_a_place_not_confirmed_and_a_day_without_the_conference_are_refused_recording_nothing()
    {
        var conference = await service.PublishedAsync(capacity: 10);
        var other = await service.PublishedAsync(capacity: 10);
        var confirmed = await service.ConfirmedAsync(conference.Id, "jest@example.pl");
        var pending = await service.RegisteredAsync(conference.Id, Conferences.Registration("niepotwierdzony@example.pl"));
        var elsewhere = await service.ConfirmedAsync(other.Id, "gdzie.indziej@example.pl");
        string Code(Guid registrationId) => service.Links.TicketCodeOf(
            service.QueryAsync<Guid>("SELECT ticket_id FROM conference_registrations WHERE id = @registrationId", new { registrationId }).Result.Single());
        using var staff = service.Operator();
        var written = await service.QueryAsync<int>("SELECT count(*)::int FROM conference_attendance");

        var notConfirmed = await CheckInAsync(staff, conference.Id, Code(pending.Id), conference.Days[0]);
        var wrongConference = await CheckInAsync(staff, conference.Id, Code(elsewhere.Id), conference.Days[0]);
        var notATicket = await CheckInAsync(staff, conference.Id, "to-nie-jest-kod-z-biletu-0123456789abcdef", conference.Days[0]);
        var wrongDay = await CheckInAsync(staff, conference.Id, Code(confirmed.Id), conference.Days[0].AddDays(-1));
        var anyone = await CheckInAsync(service.Anonymous, conference.Id, Code(confirmed.Id), conference.Days[0]);

        Assert.Equal(HttpStatusCode.Conflict, notConfirmed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongConference.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notATicket.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, wrongDay.StatusCode);
        Assert.Contains("\"day\"", await wrongDay.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Unauthorized, anyone.StatusCode);
        Assert.Equal(written, await service.QueryAsync<int>("SELECT count(*)::int FROM conference_attendance"));
        Assert.Empty(await service.EventsAsync("ConferenceAttended", e => e.GetProperty("conferenceId").GetGuid() == conference.Id));
    }
}
