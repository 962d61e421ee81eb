using Cro.Recruitment.Features.Registry;
using FluentValidation;

namespace Cro.Recruitment.Features.Rounds;

/// <summary>
/// How an application is scored (the seed: priority for JST at risk of permanent marginalisation):
/// points for being at risk, for the kind of JST, for each school it runs (up to a cap) and for not
/// having taken part before. Stored as JSON with a version per round.
/// </summary>
public sealed record ScoringRules(int AtRiskPoints, IReadOnlyDictionary<string, int> KindPoints, int PointsPerSchool,
    int MaxSchoolPoints, int FirstTimePoints)
{
    /// <summary>The programme's starting point: rural and small JST first, as the seed's target group suggests.</summary>
    public static ScoringRules Default { get; } = new(
        AtRiskPoints: 10,
        KindPoints: new Dictionary<string, int>
        {
            [JstKind.RuralMunicipality] = 5,
            [JstKind.UrbanRuralMunicipality] = 4,
            [JstKind.UrbanMunicipality] = 2,
            [JstKind.County] = 2,
            [JstKind.CityCounty] = 0,
            [JstKind.Voivodeship] = 0,
        },
        PointsPerSchool: 1,
        MaxSchoolPoints: 10,
        FirstTimePoints: 5);

    public ScoreBreakdown Score(ApplicantFacts facts) => new(
        AtRisk: facts.AtRiskOfMarginalisation ? AtRiskPoints : 0,
        Kind: KindPoints.GetValueOrDefault(facts.Kind),
        Schools: Math.Min(facts.SchoolsRun * PointsPerSchool, MaxSchoolPoints),
        FirstTime: facts.TookPartBefore ? 0 : FirstTimePoints);

    public sealed class Validator : AbstractValidator<ScoringRules>
    {
        public Validator()
        {
            RuleFor(r => r.AtRiskPoints).InclusiveBetween(0, 100).WithMessage(_ => PointsMessage);
            RuleFor(r => r.PointsPerSchool).InclusiveBetween(0, 100).WithMessage(_ => PointsMessage);
            RuleFor(r => r.MaxSchoolPoints).InclusiveBetween(0, 100).WithMessage(_ => PointsMessage);
            RuleFor(r => r.FirstTimePoints).InclusiveBetween(0, 100).WithMessage(_ => PointsMessage);
            RuleFor(r => r.KindPoints).NotNull().Must(points => points.Keys.All(JstKind.All.Contains) && points.Values.All(p => p is >= 0 and <= 100))
                .WithMessage(_ => Text.Pick($"Punkty za rodzaj JST: klucze spośród {string.Join(", ", JstKind.All)}, wartości od 0 do 100.",
                    $"Points by kind of JST: keys from {string.Join(", ", JstKind.All)}, values from 0 to 100."));
        }

        private static string PointsMessage => Text.Pick("Punkty muszą być liczbą od 0 do 100.", "Points must be a number from 0 to 100.");
    }
}

/// <summary>What scoring looks at: the JST (at risk, kind) and what the application declares.</summary>
public sealed record ApplicantFacts(bool AtRiskOfMarginalisation, string Kind, int SchoolsRun, bool TookPartBefore);

public sealed record ScoreBreakdown(int AtRisk, int Kind, int Schools, int FirstTime)
{
    public int Total => AtRisk + Kind + Schools + FirstTime;
}
