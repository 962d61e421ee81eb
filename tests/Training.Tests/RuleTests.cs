using Cro.Training.Features.Progress;
using Cro.Training.Features.Validation;

namespace Cro.Training.Tests;

/// <summary>The programme's rules on their own, at their edges.</summary>
public sealed class RuleTests
{
    [Theory]
    [InlineData(60.00, true)]
    [InlineData(59.99, false)]
    [InlineData(100, true)]
    public void The_module_is_validated_from_the_threshold_on(decimal post, bool validated) =>
        Assert.Equal(validated, CompletionRule.Validated(post, 60m));

    [Fact]
    public void Without_a_post_test_nothing_is_validated_even_at_a_zero_threshold() =>
        Assert.False(CompletionRule.Validated(null, 0m));

    [Fact]
    public void A_score_is_compared_unrounded_so_rounding_never_lifts_it_over_the_threshold()
    {
        // 1199 of 2000 is 59.95 %: shown rounded to one decimal it would read 60.0.
        Assert.False(CompletionRule.Validated(AttemptScoring.Ratio(1199, 2000), 60m));
        Assert.True(CompletionRule.Validated(AttemptScoring.Ratio(3, 5), 60m));
    }

    [Theory]
    [InlineData(40, 80, true)]
    [InlineData(80, 80, false)]
    [InlineData(90, 80, false)]
    public void Competence_is_raised_only_when_the_post_test_beats_the_pre_test(decimal pre, decimal post, bool raised) =>
        Assert.Equal(raised, CompletionRule.Raised(CompletionRule.Validated(post, 60m), pre, post));

    [Fact]
    public void A_missing_pre_test_counts_as_zero_so_a_validated_post_test_raises_competence()
    {
        Assert.True(CompletionRule.Raised(validated: true, preScore: null, bestPostScore: 60m));
        Assert.False(CompletionRule.Raised(validated: false, preScore: null, bestPostScore: 40m));
    }

    [Theory]
    [InlineData(12.8, 16, true)]
    [InlineData(12.7, 16, false)]
    [InlineData(6.5, 8, true)]
    [InlineData(6, 8, false)]
    public void Attendance_is_enough_from_the_threshold_of_the_modules_hours_on(decimal attended, decimal hours, bool met) =>
        Assert.Equal(met, CompletionRule.AttendanceMet(attended, hours, 80m));
}
