namespace Cro.Evaluation.Tests;

/// <summary>
/// The evaluation service in-process (see <see cref="ServiceUnderTest{TProgram}"/>), with the steps its tests share.
/// </summary>
public class EvaluationService() : ServiceUnderTest<Program>("evaluation")
{
    /// <summary>The secret mailed links are derived with, as the AppHost shares it with notifications.</summary>
    public const string LinkSecret = "test-school-link-secret-0123456789";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["SchoolLinks:Secret"] = LinkSecret };

    /// <summary>A JST of the registry, as recruitment announces it; waits until the service knows it.</summary>
    public async Task RegisterJstAsync(string terc, string name, string kind)
    {
        await PublishTwiceAsync(new JstRegistered { Terc = terc, Name = name, Kind = kind, VoivodeshipTerc = terc[..2], RegisteredAt = DateTimeOffset.UtcNow });
        await Eventually.GetAsync(() => QueryAsync<string>("SELECT terc FROM jst WHERE terc = @terc AND name = @name", new { terc, name }),
            rows => rows.Count == 1, what: $"JST {terc}");
    }

    /// <summary>Rows in every table of the service's database, and in the outbox: what a refused request must leave as it was.</summary>
    public async Task<string> RowCountsAsync() => string.Join(", ", await QueryAsync<string>("""
        SELECT c.relname || '=' || (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I', c.relname), false, true, '')))[1]::text
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY c.relname
        """));
}
