using System.Net;
using Cro.Monitoring.Features.Diagnosis;
using Cro.Monitoring.Features.Diagnosis.Picture;

namespace Cro.Monitoring.Tests;

/// <summary>
/// The JST picture on crafted answers whose figures are known: exact values, traffic lights, small counts of pupils
/// hidden from ORE but not from the JST's team and advisor, medians of the other JST of the same kind and województwo
/// (each by its latest diagnosis; none over fewer than 3 JST), and no picture for another JST.
/// </summary>
public sealed class JstPictureTests(MonitoringService service) : IClassFixture<MonitoringService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, AnswerValue?> School(int pupils, int classrooms, int withWifi, decimal? bandwidth, decimal fte, AnswerValue devices,
        int?[] exclusion, int director, int teachers, int pupilScale, int? pupilSafety) => new Dictionary<string, AnswerValue?>
    {
        ["pupils"] = new(Number: pupils), ["classrooms"] = new(Number: classrooms), ["wifi_available"] = new(Choice: "yes"),
        ["classrooms_with_wifi"] = new(Number: withWifi), ["internet_provider"] = new(Choice: "ose"),
        ["bandwidth_download"] = bandwidth is { } b ? new(Number: b) : new(DontKnow: true),
        ["it_support_model"] = new(Choice: "school_employee"), ["school_it_staff_fte"] = new(Number: fte), ["devices"] = devices,
        ["pupils_without_device"] = Count(exclusion[0]), ["pupils_without_internet"] = Count(exclusion[1]), ["pupils_in_poverty"] = Count(exclusion[2]),
        ["pupils_with_disabilities"] = Count(exclusion[3]), ["pupils_with_other_sen"] = Count(exclusion[4]),
    }
        .Concat(Pictures.Scales(Figures.DirectorScales, director)).Concat(Pictures.Scales(Figures.TeacherScales, teachers))
        .Concat(Pictures.Scales(Figures.PupilScales.Where(k => k != "pupils_safety"), pupilScale)).Concat(Pictures.Scales(["pupils_safety"], pupilSafety))
        .ToDictionary();

    private static AnswerValue Count(int? n) => n is { } v ? new(Number: v) : new(DontKnow: true);

    private static PictureFigure Figure(JstPicture picture, string key) => Assert.Single(picture.Figures, f => f.Key == key);

    [Fact]
    public async Task Figures_come_from_the_submitted_answers_with_lights_medians_of_the_latest_diagnoses_and_small_counts_hidden_from_ORE()
    {
        // JST A (a gmina of województwo 99): two submitted schools, a third left open, and the team's own questionnaire.
        await service.AddJstAsync("9901011", "urban-municipality");
        var (team, diagnosis) = await service.StartedAsync("9901011", schools: 3);
        var schools = diagnosis.Schools();
        await service.SubmitFilledAsync(team, schools[0].Id, ofSchool: true, School(120, 10, 10, 100, 0.5m,
            Pictures.Devices(("desktop", "over_5", 10, 8), ("laptop", "under_2", 12, 12)), [3, 7, 0, 2, 0], 4, 3, 4, null));
        await service.SubmitFilledAsync(team, schools[1].Id, ofSchool: true, School(80, 8, 5, null, 0.25m,
            Pictures.Devices(("tablet", "from_2_to_5", 20, 10), ("projector", "over_5", 5, null)), [1, null, 4, 0, 3], 2, 2, 2, 2));
        await team.SaveAsync($"{Diagnoses.Api}/questionnaires/{schools[2].Id}", new Dictionary<string, AnswerValue?> { ["pupils"] = new(Number: 5000) });
        var own = Assert.Single(diagnosis.Questionnaires, q => q.SchoolId is null);
        await service.SubmitFilledAsync(team, own.Id, ofSchool: false, new Dictionary<string, AnswerValue?>
        {
            ["it_management_model"] = new(Choice: "central_unit"), ["central_it_staff_fte"] = new(Number: 0.5m),
        });
        // The others, one school each with 10 computers for pupils: pupils per computer = pupils / 10. B's later diagnosis counts, not its baseline.
        await service.OneSchoolJstAsync("9902011", "rural-municipality", 60);
        await service.OneSchoolJstAsync("9902011", "rural-municipality", 40, "after-12-months");
        await service.OneSchoolJstAsync("9903011", "urban-rural-municipality", 90);
        await service.OneSchoolJstAsync("9904", "county", 30);
        await service.OneSchoolJstAsync("9801011", "rural-municipality", 120);
        await service.OneSchoolJstAsync("9805", "county", 50);
        var countyD = await service.OneSchoolJstAsync("9705", "county", 70);

        var ofTeam = (await team.GetFromJsonAsync<JstPicture>($"{Diagnoses.Api}/diagnoses/{diagnosis.Id}/picture", Ct))!;
        var ofAdvisor = (await service.Advisor("9901011").GetFromJsonAsync<JstPicture>($"{Diagnoses.Api}/diagnoses/{diagnosis.Id}/picture", Ct))!;
        var ofOre = (await service.Operator().GetFromJsonAsync<JstPicture>($"{Diagnoses.Api}/diagnoses/{diagnosis.Id}/picture", Ct))!;

        Assert.Equal((3, 2, JstGroup.Municipality, true), (ofTeam.Schools, ofTeam.SchoolsSubmitted, ofTeam.JstKind, ofTeam.SmallNumbersShown));
        // 200 pupils, 8 + 12 + 10 computers for pupils (the projector is no computer): 6.7, worse than 1 : 6.
        Assert.Equal((6.7m, TrafficLight.Amber), (Figure(ofTeam, "pupils_per_computer").Value, Figure(ofTeam, "pupils_per_computer").Light));
        Assert.Equal((50.0m, TrafficLight.Amber), (Figure(ofTeam, "wifi_every_classroom_share").Value, Figure(ofTeam, "wifi_every_classroom_share").Light));
        // 100 Mb/s over the 120 pupils of the school that knew its bandwidth.
        Assert.Equal((0.833m, TrafficLight.Amber, 2), (Figure(ofTeam, "bandwidth_per_pupil").Value, Figure(ofTeam, "bandwidth_per_pupil").Light,
            Figure(ofTeam, "bandwidth_per_pupil").SchoolsAnswered));
        // 10 + 5 of 47 devices are older than 5 years.
        Assert.Equal((31.9m, TrafficLight.Amber), (Figure(ofTeam, "devices_older_than_5_years_share").Value, Figure(ofTeam, "devices_older_than_5_years_share").Light));
        // 0.5 + 0.25 at schools and 0.5 central, over 200 pupils.
        Assert.Equal((6.25m, TrafficLight.Green), (Figure(ofTeam, "it_staff_per_1000_pupils").Value, Figure(ofTeam, "it_staff_per_1000_pupils").Light));
        var directors = Figure(ofTeam, "director_competences");
        Assert.Equal([0, 3, 0, 3, 0], directors.Distribution!.Counts);
        Assert.Equal((0, 3.00m, TrafficLight.Amber), (directors.Distribution.DontKnow, directors.Value, directors.Light));
        var pupilsCompetence = Figure(ofTeam, "pupil_competences");
        Assert.Equal([0, 5, 0, 4, 0], pupilsCompetence.Distribution!.Counts);
        Assert.Equal((1, 2.89m, TrafficLight.Amber), (pupilsCompetence.Distribution.DontKnow, pupilsCompetence.Value, pupilsCompetence.Light));
        Assert.Equal(2.50m, Figure(ofTeam, "teacher_competences").Value);

        // Pupils without a device: 4 of 200 (2 %); without internet: 7 of the 120 pupils of the school that knew (5.8 %).
        Assert.Equal((4m, "4", false, 2.0m, TrafficLight.Green), Excl(ofTeam, "pupils_without_device"));
        Assert.Equal((7m, "7", false, 5.8m, TrafficLight.Red), Excl(ofTeam, "pupils_without_internet"));
        Assert.Equal((4m, "4", false, 2.0m, (string?)null), Excl(ofTeam, "pupils_in_poverty"));
        Assert.Equal(ofTeam.Figures, ofAdvisor.Figures, new FigureComparer());
        Assert.False(ofOre.SmallNumbersShown);
        Assert.Equal(((decimal?)null, "< 5", true, (decimal?)null, TrafficLight.Green), Excl(ofOre, "pupils_without_device"));
        Assert.Equal((7m, "7", false, 5.8m, TrafficLight.Red), Excl(ofOre, "pupils_without_internet"));
        Assert.All(new[] { "pupils_in_poverty", "pupils_with_disabilities", "pupils_with_other_sen" },
            key => Assert.Equal(((decimal?)null, "< 5", true), (Figure(ofOre, key).Value, Figure(ofOre, key).Display, Figure(ofOre, key).Suppressed)));
        Assert.Equal(Figure(ofTeam, "pupils_per_computer"), Figure(ofOre, "pupils_per_computer"), new FigureComparer());

        // Same kind (gminy): B's latest 4.0, C 9.0, E 12.0 → 9.0; same województwo 99: B 4.0, C 9.0, D 3.0 → 4.0.
        var computers = Figure(ofOre, "pupils_per_computer");
        Assert.Equal(new MedianComparison(JstGroup.Municipality, 3, 9.00m, true), computers.SameKind);
        Assert.Equal(new MedianComparison("99", 3, 4.00m, true), computers.SameVoivodeship);
        // Exclusion is compared on shares: each other JST answered 0 pupils without a device.
        Assert.Equal(new MedianComparison(JstGroup.Municipality, 3, 0m, true), Figure(ofOre, "pupils_without_device").SameKind);

        // The powiat of województwo 97: two other powiaty only, and no other JST in its województwo: no median shown.
        var ofCounty = (await service.Operator().GetFromJsonAsync<JstPicture>($"{Diagnoses.Api}/diagnoses/{countyD}/picture", Ct))!;
        Assert.Equal(new MedianComparison(JstGroup.County, 2, null, false), Figure(ofCounty, "pupils_per_computer").SameKind);
        Assert.Equal(new MedianComparison("97", 0, null, false), Figure(ofCounty, "pupils_per_computer").SameVoivodeship);
        Assert.Equal(7.0m, Figure(ofCounty, "pupils_per_computer").Value);

        // Another JST's team and its advisor: no such diagnosis.
        Assert.Equal(HttpStatusCode.NotFound, (await service.Team("9903011").GetAsync($"{Diagnoses.Api}/diagnoses/{diagnosis.Id}/picture", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await service.Advisor("9903011").GetAsync($"{Diagnoses.Api}/diagnoses/{diagnosis.Id}/picture", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.Trainer().GetAsync($"{Diagnoses.Api}/diagnoses/{diagnosis.Id}/picture", Ct)).StatusCode);
    }

    private static (decimal? Value, string Display, bool Suppressed, decimal? Share, string? Light) Excl(JstPicture picture, string key) =>
        Figure(picture, key) is var f ? (f.Value, f.Display, f.Suppressed, f.ShareOfPupils, f.Light) : default;

    private sealed class FigureComparer : IEqualityComparer<PictureFigure>
    {
        public bool Equals(PictureFigure? x, PictureFigure? y) => x is not null && y is not null
            && (x.Key, x.Value, x.Display, x.Suppressed, x.Light, x.SameKind, x.SameVoivodeship) == (y.Key, y.Value, y.Display, y.Suppressed, y.Light, y.SameKind, y.SameVoivodeship);

        public int GetHashCode(PictureFigure obj) => obj.Key.GetHashCode(StringComparison.Ordinal);
    }
}
