using Cro.Evaluation.Features.Consultation;
using Microsoft.Extensions.Configuration;

namespace Cro.Evaluation.Tests;

/// <summary>The evaluation service with the steps the consultation tests share.</summary>
public sealed class ConsultationService : EvaluationService
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static DateOnly Today => DateOnly.FromDateTime(Cro.ServiceDefaults.WarsawTime.InWarsaw(DateTimeOffset.UtcNow).DateTime);

    public const string Draft = """
        Wprowadzenie do programu.

        ## Cele

        Cele programu.

        ## Moduł M1: diagnoza

        Treść modułu.

        ## Cele

        Drugie cele.
        """;

    /// <summary>A personal invitation's token, derived as notifications derives it for the mail.</summary>
    public static string Token(Guid linkId) => new Cro.ServiceDefaults.Security.LinkTokens(new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["SchoolLinks:Secret"] = LinkSecret }).Build()).Derive(linkId);

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        return (await response.Content.ReadFromJsonAsync<T>(Ct))!;
    }

    /// <summary>A new document with its first draft.</summary>
    public async Task<ManageDocuments.DocumentDetail> CreateAsync(HttpClient ore, string markdown = Draft, string kind = "programme") =>
        await ReadAsync<ManageDocuments.DocumentDetail>(await ore.PostAsJsonAsync("/api/evaluation/documents",
            new { kind, title = "Program szkolenia M1", slug = $"program-{Guid.NewGuid():N}"[..20], markdown }, Ct), HttpStatusCode.Created);

    /// <summary>A document whose version 1 is in consultation (today through two weeks), with one invited JST representative.</summary>
    public async Task<(ManageDocuments.DocumentDetail Document, OpenDocumentConsultation.ConsultationView Consultation, string Token, string Email)> ConsultedAsync(HttpClient ore)
    {
        var document = await CreateAsync(ore);
        var consultation = await ReadAsync<OpenDocumentConsultation.ConsultationView>(await ore.PostAsJsonAsync(
            $"/api/evaluation/documents/{document.Id}/versions/1/consultation", new { closesOn = Today.AddDays(14) }, Ct), HttpStatusCode.Created);
        var email = $"{Guid.NewGuid():N}@gmina.example.pl";
        var invited = await ReadAsync<List<ConsultationInvitations.Invited>>(await ore.PostAsJsonAsync(
            $"/api/evaluation/consultations/{consultation.Id}/invitations", new { audience = "jst", emails = new[] { email } }, Ct), HttpStatusCode.Created);
        return (document, consultation, Token(invited[0].LinkId), email);
    }

    public static string Participant(string token) => $"/api/evaluation/public/document-consultations/{token}";

    public HttpClient Partner(string client = "zpp") => ClientWith(TestTokens.Client(client, Cro.ServiceDefaults.Security.Scopes.ConsultationsWrite));
}
