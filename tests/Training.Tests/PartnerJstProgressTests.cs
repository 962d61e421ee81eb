using System.Text.Json;
using Cro.Training.Features.Progress;
using Cro.Training.Features.Validation;
using Microsoft.AspNetCore.Mvc;

namespace Cro.Training.Tests;

/// <summary>The partner's view of its member JST's training (training.read): participants enrolled and modules completed, counts only.</summary>
public sealed class PartnerJstProgressTests(TrainingService service) : IClassFixture<TrainingService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Path = "/api/training/partner/jst-progress";

    [Fact]
    public async Task Per_JST_the_partner_reads_people_enrolled_and_completions_by_module_and_a_limited_client_its_JST_only()
    {
        // Bolesławiec: one of three completes M2 (attendance and a validated post-test); Gromadka: enrolled, nothing completed.
        await Lms.BankAsync(service, "M2", 5);
        var learner = await Lms.CohortAsync(service, Teams.Boleslawiec, ("M2", TimeSpan.FromHours(1), 8m));
        await Teams.AcceptAsync(service, Teams.Gromadka, people: 2);
        service.Clock.Advance(TimeSpan.FromDays(1));
        await Lms.MarkAsync(service, learner.Sessions[0], learner.Member.MemberId);
        await Lms.TakeAsync(service, learner.Client, "M2", TestKind.Post, right: 3);

        var all = await service.ClientWith(TestTokens.Client("partner-all", "training.read")).GetStringAsync(Path, Ct);
        var progress = JsonSerializer.Deserialize<List<PartnerJstProgress.JstProgress>>(all, JsonSerializerOptions.Web)!;
        var limited = await service.ClientWith(TestTokens.LimitedClient("partner-members", [Teams.Gromadka, "1465011"], "training.read"))
            .GetFromJsonAsync<List<PartnerJstProgress.JstProgress>>(Path, Ct);
        var filtered = await service.Operator().GetFromJsonAsync<List<PartnerJstProgress.JstProgress>>($"{Path}?jstTerc={Teams.Boleslawiec}", Ct);

        var boleslawiec = progress.Single(p => p.JstTerc == Teams.Boleslawiec);
        Assert.Equal(3, boleslawiec.Enrolled);
        Assert.Equal(["M1", "M2", "M3", "M4", "M5"], boleslawiec.Modules.Select(m => m.ModuleCode));
        Assert.Equal([0, 1, 0, 0, 0], boleslawiec.Modules.Select(m => m.Completed));
        var gromadka = progress.Single(p => p.JstTerc == Teams.Gromadka);
        Assert.Equal((2, 0), (gromadka.Enrolled, gromadka.Modules.Sum(m => m.Completed)));
        Assert.Equal([Teams.Gromadka], limited!.Select(p => p.JstTerc));
        Assert.Equal([Teams.Boleslawiec], filtered!.Select(p => p.JstTerc));
        // Counts only: nobody's name or address leaves the service.
        Assert.DoesNotContain(learner.Member.Email, all);
        Assert.DoesNotContain(learner.Member.FullName, all);
    }

    [Fact]
    public async Task Another_JST_than_a_limited_clients_is_403_naming_it_and_the_endpoint_needs_training_read()
    {
        var limited = service.ClientWith(TestTokens.LimitedClient("partner-members", [Teams.Gromadka], "training.read"));

        var outside = await limited.GetAsync($"{Path}?jstTerc={Teams.Osiecznica}", Ct);
        var invalid = await limited.GetAsync($"{Path}?jstTerc=gmina", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
        Assert.Contains(Teams.Osiecznica, (await outside.Content.ReadFromJsonAsync<ProblemDetails>(Ct))!.Detail);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.ClientWith(TestTokens.Client("partner-x", "recruitment.read")).GetAsync(Path, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.ClientWith(TestTokens.Client("partner-none")).GetAsync(Path, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.Member("czlonek@gmina.example.pl", Teams.Gromadka).GetAsync(Path, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await service.Factory.CreateClient().GetAsync(Path, Ct)).StatusCode);
    }
}
