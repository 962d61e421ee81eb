using Cro.Publishing.Features.Conferences;
using Cro.Publishing.Features.Conferences.Registrations;

namespace Cro.Publishing.Tests.Conferences;

/// <summary>
/// Consents and personal data (RODO): optional consents withdrawn and given again through the participant's link, with
/// their history; withdrawing the consent to the processing (or cancelling) ends the registration and erases what is not
/// needed; an erased person and an address ORE is asked to erase lose their data at every conference.
/// </summary>
public sealed class ConsentTests(PublishingService service) : IClassFixture<PublishingService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<ParticipantView> ChangeConsentsAsync(Guid registrationId, bool processing, bool image, bool participantList, string? version = ConsentTexts.Version)
    {
        var response = await service.Anonymous.PutAsJsonAsync($"{Conferences.Mine(service.TokenOf(registrationId))}/consents",
            new { processing, image, participantList, consentVersion = version }, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<ParticipantView>(Ct))!;
    }

    [Fact]
    public async Task An_optional_consent_withdrawn_and_given_again_is_recorded_each_time_and_the_place_stays()
    {
        var conference = await service.PublishedAsync(capacity: 5);
        var receipt = await service.RegisteredAsync(conference.Id,
            Conferences.Registration("fotografia@example.pl", consentImage: true, consentParticipantList: true));
        await service.ActedAsync(receipt.Id, "confirm");

        var withdrawn = await ChangeConsentsAsync(receipt.Id, processing: true, image: false, participantList: true);
        service.Clock.Advance(TimeSpan.FromMinutes(5));
        var staleVersion = await service.Anonymous.PutAsJsonAsync($"{Conferences.Mine(service.TokenOf(receipt.Id))}/consents",
            new { processing = true, image = true, participantList = true, consentVersion = "2020-01-01" }, Ct);
        var givenAgain = await ChangeConsentsAsync(receipt.Id, processing: true, image: true, participantList: true);

        Assert.Equal("confirmed", withdrawn.Status);
        var image = withdrawn.Consents.Single(c => c.Kind == "image");
        Assert.NotNull(image.WithdrawnAt);
        Assert.Null(withdrawn.Consents.Single(c => c.Kind == "participant-list").WithdrawnAt);
        Assert.Equal(HttpStatusCode.Conflict, staleVersion.StatusCode);
        Assert.Contains("consentVersion", await staleVersion.Content.ReadAsStringAsync(Ct));
        var images = givenAgain.Consents.Where(c => c.Kind == "image").OrderBy(c => c.GivenAt).ToList();
        Assert.Equal(2, images.Count);
        Assert.NotNull(images[0].WithdrawnAt);
        Assert.Equal((ConsentTexts.Version, (DateTimeOffset?)null), (images[1].Version, images[1].WithdrawnAt));
        Assert.Equal("confirmed", givenAgain.Status);
    }

    [Fact]
    public async Task Withdrawing_the_consent_to_the_processing_cancels_erases_the_person_and_offers_the_place_to_the_next()
    {
        var conference = await service.PublishedAsync(capacity: 1);
        var receipt = await service.RegisteredAsync(conference.Id, Conferences.Registration("wycofuje@example.pl", "Ewa Wycofana", sex: "woman",
            needs: ["diet", "step-free-access"], diet: "bezglutenowa", needsNote: "Przyjadę z psem asystującym.", consentImage: true));
        await service.ActedAsync(receipt.Id, "confirm");
        var next = await service.ConfirmedAsync(conference.Id, "nastepna@example.pl");

        var withdrawn = await ChangeConsentsAsync(receipt.Id, processing: false, image: false, participantList: false);

        Assert.Equal(("cancelled", "Osoba usunięta", (string?)null), (withdrawn.Status, withdrawn.FullName, withdrawn.Email));
        Assert.Equal(((string?)null, (string?)null, (string?)null), (withdrawn.Role, withdrawn.Diet, withdrawn.NeedsNote));
        Assert.Empty(withdrawn.Needs);
        Assert.All(withdrawn.Consents, c => Assert.NotNull(c.WithdrawnAt));
        Assert.NotNull(withdrawn.ErasedAt);
        // What the programme's counts need stays; nothing names the person.
        var kept = Assert.Single(await service.QueryAsync<(string Sex, string Status, string? Email, string? Institution)>(
            "SELECT sex, status, email, institution_name FROM conference_registrations WHERE id = @Id", new { receipt.Id }));
        Assert.Equal(("woman", "cancelled", (string?)null, (string?)null), kept);
        Assert.Equal("offered", (await service.ViewAsync(next.Id)).Status);
        var ended = Assert.Single(await service.EventsAsync("ConferenceRegistrationEnded", e => e.GetProperty("registrationId").GetGuid() == receipt.Id));
        Assert.True(ended.GetProperty("wasConfirmed").GetBoolean());
        await service.AssertPlacesHoldAsync(conference.Id);
    }

    [Fact]
    public async Task An_erased_person_is_cancelled_everywhere_without_a_mail_and_no_message_kept_carries_their_address()
    {
        var first = await service.PublishedAsync(capacity: 1);
        var second = await service.PublishedAsync(capacity: 3);
        var erased = await service.ConfirmedAsync(first.Id, "zapomnij.mnie@example.pl");
        var waitingElsewhere = await service.RegisteredAsync(second.Id, Conferences.Registration("zapomnij.mnie@example.pl"));
        var next = await service.ConfirmedAsync(first.Id, "kolejna@example.pl");

        await service.PublishTwiceAsync(new PersonErased { UserId = Guid.CreateVersion7(), ErasedAt = DateTimeOffset.UtcNow, Email = "Zapomnij.Mnie@example.pl" });

        await Eventually.GetAsync(() => service.QueryAsync<Guid>("SELECT id FROM conference_registrations WHERE erased_at IS NOT NULL AND id = ANY (@ids)",
            new { ids = new[] { erased.Id, waitingElsewhere.Id } }), rows => rows.Count == 2, what: "both registrations erased");
        Assert.Equal(("cancelled", "cancelled"), ((await service.ViewAsync(erased.Id)).Status, (await service.ViewAsync(waitingElsewhere.Id)).Status));
        Assert.Equal("offered", (await service.ViewAsync(next.Id)).Status);
        Assert.Empty(await service.EventsAsync("ConferenceRegistrationEnded", e => e.GetProperty("registrationId").GetGuid() == erased.Id));
        Assert.Empty(await service.QueryAsync<Guid>("SELECT id FROM outbox_messages WHERE lower(payload::text) LIKE '%zapomnij.mnie@example.pl%'"));
        await service.AssertPlacesHoldAsync(first.Id);
    }

    [Fact]
    public async Task ORE_answers_a_person_who_writes_in_with_all_their_registrations_and_erases_them_on_request()
    {
        var conference = await service.PublishedAsync(capacity: 3);
        var receipt = await service.ConfirmedAsync(conference.Id, "pisze.do.ore@example.pl");
        using var ore = service.Operator();

        var exported = await ore.GetFromJsonAsync<List<ParticipantView>>($"{Conferences.Api}/conference-participants?email=PISZE.do.ore@example.pl", Ct);
        var badAddress = await ore.GetAsync($"{Conferences.Api}/conference-participants?email=nie-adres", Ct);
        var erasure = await ore.PostAsJsonAsync($"{Conferences.Api}/conference-participants/erasure", new { email = "pisze.do.ore@example.pl" }, Ct);
        var anyone = await service.Anonymous.PostAsJsonAsync($"{Conferences.Api}/conference-participants/erasure", new { email = "pisze.do.ore@example.pl" }, Ct);

        var view = Assert.Single(exported!);
        Assert.Equal((receipt.Id, "pisze.do.ore@example.pl", "dyrektor szkoły"), (view.Id, view.Email, view.Role));
        Assert.Equal(HttpStatusCode.BadRequest, badAddress.StatusCode);
        Assert.Equal(1, (await erasure.Content.ReadFromJsonAsync<ParticipantData.ErasureResult>(Ct))!.Erased);
        Assert.Equal(HttpStatusCode.Unauthorized, anyone.StatusCode);
        Assert.Equal(("cancelled", "Osoba usunięta"), ((await service.ViewAsync(receipt.Id)).Status, (await service.ViewAsync(receipt.Id)).FullName));
    }
}
