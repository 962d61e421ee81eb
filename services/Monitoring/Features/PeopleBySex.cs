namespace Cro.Monitoring.Features;

/// <summary>People counted once each, split by the sex categories ESF+ reporting asks for.</summary>
public sealed record PeopleBySex(int Total, int Women, int Men, int NonBinary, int Undisclosed)
{
    public sealed record Count(string Sex, int People);

    public static PeopleBySex From(IEnumerable<Count> counts)
    {
        var bySex = counts.ToDictionary(c => c.Sex, c => c.People);
        int Of(string sex) => bySex.GetValueOrDefault(sex);
        return new(bySex.Values.Sum(), Of("woman"), Of("man"), Of("non-binary"), Of("undisclosed"));
    }
}
