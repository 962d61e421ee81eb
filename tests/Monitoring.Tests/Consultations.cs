using System.Net;
using Microsoft.Extensions.Configuration;
using Cro.Monitoring.Features.Plans;
using Cro.ServiceDefaults;
using Cro.Monitoring.Features.Plans.Consultation;
using static Cro.Monitoring.Tests.Plans;

namespace Cro.Monitoring.Tests;

/// <summary>
/// What the consultation tests share: a plan whose draft holds a priority and an action, put to consultation through the
/// team's endpoint; comments sent through a link as a participant's browser (via the web) sends them, from an address.
/// </summary>
internal static class Consultations
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static string Consultation(Guid planId) => $"{Plan(planId)}/consultation";

    public sealed record Drafted(HttpClient Team, PlanView Plan, PlanVersionView Version)
    {
        public Guid PriorityId => Version.Content.Priorities![0].Id!.Value;
        public Guid ActionId => Version.Content.Actions![0].Id!.Value;
    }

    /// <summary>A JST's plan with its draft saved (one priority, goal, action, risk) and two schools in the register.</summary>
    public static async Task<(Drafted Draft, Plans.Accepted Diagnosis)> DraftedPlanAsync(this MonitoringService service, string terc)
    {
        var (team, diagnosis, plan) = await service.StartedPlanAsync(terc);
        var saved = await team.SaveAsync(plan.Id, 1, Content(diagnosis));
        Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync(Ct));
        return (new Drafted(team, plan, (await saved.Content.ReadFromJsonAsync<PlanVersionView>(Ct))!), diagnosis);
    }

    public static Task<HttpResponseMessage> OpenConsultationAsync(this HttpClient team, Guid planId, DateOnly? closesOn, DateOnly? opensOn = null) =>
        team.PostAsJsonAsync(Consultation(planId), new { opensOn, closesOn }, Ct);

    public static async Task<OpenConsultation.Opened> OpenedAsync(this HttpClient team, Guid planId, DateOnly closesOn, DateOnly? opensOn = null)
    {
        var response = await team.OpenConsultationAsync(planId, closesOn, opensOn);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<OpenConsultation.Opened>(Ct))!;
    }

    /// <summary>The first version as a closed consultation leaves it, through the team's own endpoints: opened for two weeks, closed.</summary>
    public static async Task ConsultedAsync(this HttpClient team, Guid planId)
    {
        var today = DateOnly.FromDateTime(WarsawTime.InWarsaw(DateTimeOffset.UtcNow).DateTime);
        await team.OpenedAsync(planId, today.AddDays(14));
        var closed = await team.PostAsync($"{Consultation(planId)}/close", null, Ct);
        Assert.True(closed.StatusCode == HttpStatusCode.OK, await closed.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>A comment as a participant sends it: whole plan by default, with the consent to processing.</summary>
    public static object Comment(string type = "parent", string text = "Proszę o więcej zajęć z bezpieczeństwa w sieci.", Guid? targetId = null,
        string? name = null, Guid? schoolId = null, bool consent = true, bool publishName = false) =>
        new { stakeholderType = type, name, schoolId, targetId, text, consent, publishName };

    /// <summary>Posts <paramref name="comment"/> through the link's token, from <paramref name="address"/> (as the gateway names the client).</summary>
    public static async Task<HttpResponseMessage> CommentAsync(this MonitoringService service, string token, object comment, string address = "203.0.113.10")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{PublicConsultation.PathOf(token)}/comments") { Content = JsonContent.Create(comment) };
        request.Headers.Add("X-Forwarded-For", address);
        return await service.Anonymous.SendAsync(request, Ct);
    }

    public static async Task<ConsultationView> ConsultationAsync(this HttpClient caller, Guid planId) =>
        (await caller.GetFromJsonAsync<ConsultationView>(Consultation(planId), Ct))!;

    /// <summary>A personal invitation's token, derived as notifications derives it for the mail.</summary>
    public static string InvitationToken(Guid linkId) => new Cro.ServiceDefaults.Security.LinkTokens(new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["SchoolLinks:Secret"] = MonitoringService.SchoolLinkSecret }).Build()).Derive(linkId);
}
