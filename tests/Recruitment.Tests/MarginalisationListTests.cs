using Cro.Recruitment.Features.Marginalisation;

namespace Cro.Recruitment.Tests;

public sealed class MarginalisationListTests
{
    private static readonly IReadOnlySet<string> Registered = new HashSet<string> { "0201022", "0201032" };

    [Theory]
    [InlineData("0201022")]
    [InlineData("0201022;Bolesławiec")]
    [InlineData("\"0201022\",\"Bolesławiec\"")]
    [InlineData("  0201022\t gmina wiejska ")]
    public void A_code_is_read_whatever_the_separator_or_quoting(string line) =>
        Assert.Equal(["0201022"], MarginalisationList.Parse([line], Registered).Codes);

    [Fact]
    public void Only_the_first_line_may_be_a_header_and_blank_lines_are_skipped()
    {
        var parsed = MarginalisationList.Parse(["kod TERC", "", "0201032", "nazwa"], Registered);

        Assert.Equal(["0201032"], parsed.Codes);
        Assert.Equal(4, Assert.Single(parsed.Problems).Line);
    }
}
