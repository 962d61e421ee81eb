using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cro.Training.Features.Attendance;
using Cro.Training.Features.Certificates;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Cro.Training.Tests;

public sealed class CertificateTests(TrainingService service) : IClassFixture<TrainingService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<CertificateView> CertificateAsync(Lms.Learner learner) =>
        Assert.Single((await learner.Client.GetFromJsonAsync<List<CertificateView>>("/api/training/me/certificates", Ct))!);

    private Task<CertificatesApi.Verification?> VerifyAsync(string number) =>
        service.Anonymous.GetFromJsonAsync<CertificatesApi.Verification>($"/api/training/public/certificates?number={Uri.EscapeDataString(number)}", Ct);

    [Fact]
    public async Task Completing_every_module_issues_a_certificate_with_a_readable_number_and_announces_the_completed_training()
    {
        var learner = await Lms.TrainedAsync(service, Teams.Boleslawiec);

        var certificate = await CertificateAsync(learner);
        var completed = Assert.Single(await service.EventsAsync(nameof(TrainingCompleted),
            e => e.GetProperty("participantId").GetGuid() == learner.Member.MemberId));
        var byTrainer = await service.Trainer(learner.Trainer.Email).GetAsync($"/api/training/certificates/{certificate.Id}", Ct);
        var byOtherTrainer = await service.Trainer(Cohorts.Trainer().Email).GetAsync($"/api/training/certificates/{certificate.Id}", Ct);

        Assert.Matches(new Regex(@"^CRO/20\d\d/\d{6}$"), certificate.Number);
        Assert.Equal((learner.Member.FullName, learner.Team.JstName, true), (certificate.HolderName, certificate.JstName, certificate.Valid));
        Assert.Equal(["M1", "M2", "M3", "M4", "M5"], certificate.Modules.Select(m => m.Code));
        Assert.Equal(64m, certificate.TotalHours);
        Assert.Equal((certificate.Number, certificate.Id, learner.Member.Sex), (completed.GetProperty("certificateNumber").GetString(),
            completed.GetProperty("certificateId").GetGuid(), completed.GetProperty("sex").GetString()));
        Assert.Equal(5, (await service.EventsAsync(nameof(ModuleCompleted), e => e.GetProperty("participantId").GetGuid() == learner.Member.MemberId)).Count);
        Assert.Equal(HttpStatusCode.OK, byTrainer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byOtherTrainer.StatusCode);
    }

    [Fact]
    public async Task The_PDF_embeds_DejaVu_Sans_and_maps_the_Polish_letters()
    {
        var learner = await Lms.TrainedAsync(service, Teams.Gromadka);
        var certificate = await CertificateAsync(learner);

        var response = await learner.Client.GetAsync($"/api/training/certificates/{certificate.Id}/pdf", Ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        using var pdf = PdfReader.Open(new MemoryStream(bytes), PdfDocumentOpenMode.Import);
        var objects = pdf.Internals.GetAllObjects().OfType<PdfDictionary>().ToList();
        var unicodeMaps = string.Concat(objects.Where(d => d.Stream is not null).Select(d => Encoding.ASCII.GetString(d.Stream.UnfilteredValue))
            .Where(text => text.Contains("beginbfrange") || text.Contains("beginbfchar"))).ToUpperInvariant();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, pdf.PageCount);
        Assert.Contains(objects, d => d.Elements.GetName("/Type") == "/FontDescriptor" && d.Elements.ContainsKey("/FontFile2")
            && d.Elements.GetName("/FontName").Contains("DejaVu"));
        // ToUnicode maps of the embedded fonts carry ś, ł, ą, ż (in "Zaświadcza", "Łącznie", "Wystawca: Ośrodek", "Zaświadczenie"), so text copies as Polish.
        foreach (var letter in new[] { "015B", "0141", "0105", "0119" })
        {
            Assert.Contains(letter, unicodeMaps);
        }
    }

    [Fact]
    public async Task Public_verification_shows_number_date_programme_and_validity_and_the_name_only_with_the_holders_consent()
    {
        var learner = await Lms.TrainedAsync(service, Teams.Osiecznica);
        var certificate = await CertificateAsync(learner);

        var withoutConsent = await VerifyAsync(certificate.Number.ToLowerInvariant());
        var othersConsent = await service.Trainer(learner.Trainer.Email).PutAsJsonAsync($"/api/training/certificates/{certificate.Id}/consent",
            new CertificatesApi.ConsentRequest(true), Ct);
        var consent = await learner.Client.PutAsJsonAsync($"/api/training/certificates/{certificate.Id}/consent", new CertificatesApi.ConsentRequest(true), Ct);
        var withConsent = await VerifyAsync(certificate.Number);
        var unknown = await service.Anonymous.GetAsync("/api/training/public/certificates?number=CRO/1999/000001", Ct);
        var missing = await service.Anonymous.GetAsync("/api/training/public/certificates", Ct);

        Assert.Equal((certificate.Number, true, 1, null), (withoutConsent!.Number, withoutConsent.Valid, withoutConsent.ProgrammeVersion, withoutConsent.HolderName));
        // The date a person reads: Warsaw's (between 23:00 and 24:00 UTC it is already the next day there).
        Assert.Equal(DateOnly.FromDateTime(Cro.ServiceDefaults.WarsawTime.InWarsaw(certificate.IssuedAt).DateTime), withoutConsent.IssuedOn);
        Assert.Equal(HttpStatusCode.NotFound, othersConsent.StatusCode);
        Assert.Equal(HttpStatusCode.OK, consent.StatusCode);
        Assert.Equal(learner.Member.FullName, withConsent!.HolderName);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }

    [Fact]
    public async Task The_Open_Badge_verifies_with_nothing_but_the_published_keys()
    {
        var learner = await Lms.TrainedAsync(service, Teams.Boleslawiec);
        var certificate = await CertificateAsync(learner);

        var badge = await learner.Client.GetFromJsonAsync<JsonElement>($"/api/training/certificates/{certificate.Id}/credential", Ct);
        var jwks = await service.Anonymous.GetStringAsync("/api/training/.well-known/jwks.json", Ct);
        var jwt = badge.GetProperty("jwt").GetString()!;
        var parameters = new TokenValidationParameters
        {
            IssuerSigningKeys = new JsonWebKeySet(jwks).GetSigningKeys(),
            ValidIssuer = "https://cro.test/",
            ValidateAudience = false,
            RequireExpirationTime = false,
        };
        var verified = await new JsonWebTokenHandler().ValidateTokenAsync(jwt, parameters);
        var forged = await new JsonWebTokenHandler().ValidateTokenAsync(jwt[..^4] + (jwt[^4..] == "AAAA" ? "BBBB" : "AAAA"), parameters);

        Assert.True(verified.IsValid, verified.Exception?.Message);
        Assert.False(forged.IsValid);
        Assert.Equal("RS256", ((JsonWebToken)verified.SecurityToken).Alg);
        var vc = JsonDocument.Parse(((JsonWebToken)verified.SecurityToken).GetPayloadValue<JsonElement>("vc").GetRawText()).RootElement;
        Assert.Equal(["VerifiableCredential", "OpenBadgeCredential"], vc.GetProperty("type").EnumerateArray().Select(t => t.GetString()));
        Assert.Contains("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json", vc.GetProperty("@context").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal($"urn:uuid:{certificate.Id}", vc.GetProperty("id").GetString());
        var subject = vc.GetProperty("credentialSubject");
        Assert.Equal("Achievement", subject.GetProperty("achievement").GetProperty("type")[0].GetString());
        Assert.StartsWith("sha256$", subject.GetProperty("identifier")[0].GetProperty("identityHash").GetString());
        Assert.DoesNotContain(learner.Member.FullName, jwt.Split('.')[1]);
        // Only public parameters are published, and the stored private key is ciphertext.
        Assert.DoesNotContain("\"d\"", jwks);
        Assert.All(await service.QueryAsync<string>("SELECT protected_private_key FROM credential_keys"), key => Assert.DoesNotContain("PRIVATE KEY", key));
    }

    [Fact]
    public async Task A_correction_that_leaves_a_module_incomplete_revokes_the_certificate_and_a_new_completion_issues_a_new_one()
    {
        var learner = await Lms.TrainedAsync(service, Teams.Gromadka);
        var first = await CertificateAsync(learner);

        await Lms.MarkAsync(service, learner.Sessions[0], learner.Member.MemberId, AttendanceStatus.Absent);
        var revoked = await VerifyAsync(first.Number);
        var pdf = await learner.Client.GetAsync($"/api/training/certificates/{first.Id}/pdf", Ct);
        await Lms.MarkAsync(service, learner.Sessions[0], learner.Member.MemberId);
        var certificates = (await learner.Client.GetFromJsonAsync<List<CertificateView>>("/api/training/me/certificates", Ct))!;

        Assert.False(revoked!.Valid);
        Assert.NotNull(revoked.RevokedOn);
        Assert.Equal(HttpStatusCode.Conflict, pdf.StatusCode);
        var taken = Assert.Single(await service.EventsAsync(nameof(ModuleCompletionRevoked), e => e.GetProperty("participantId").GetGuid() == learner.Member.MemberId));
        Assert.Equal(first.Number, taken.GetProperty("revokedCertificateNumber").GetString());
        Assert.Equal(2, certificates.Count);
        Assert.Single(certificates, c => c.Valid && c.Number != first.Number);
    }

    [Fact]
    public async Task Erasing_the_holder_takes_their_name_off_the_certificate_and_the_number_keeps_verifying()
    {
        var learner = await Lms.TrainedAsync(service, Teams.Osiecznica);
        var certificate = await CertificateAsync(learner);
        await learner.Client.PutAsJsonAsync($"/api/training/certificates/{certificate.Id}/consent", new CertificatesApi.ConsentRequest(true), Ct);

        await service.PublishTwiceAsync(new PersonErased { UserId = Guid.NewGuid(), ErasedAt = DateTimeOffset.UtcNow, Email = learner.Member.Email });

        await Cro.Tests.Infrastructure.Eventually.GetAsync(() => service.QueryAsync<string>("SELECT holder_name FROM certificates WHERE id = @Id", new { certificate.Id }),
            names => names.Single() == Cro.Training.Features.PersonalData.PersonErasedConsumer.ErasedName, what: "the holder's name erased");
        var verified = await VerifyAsync(certificate.Number);
        Assert.Equal((true, null), (verified!.Valid, verified.HolderName));
    }
}
