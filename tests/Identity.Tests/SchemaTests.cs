using Cro.Identity.Data;

namespace Cro.Identity.Tests;

public sealed class SchemaTests
{
    [Fact]
    public void Migration_script_creates_exactly_the_schema_the_libraries_expect()
    {
        var script = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "0001_identity_schema.sql"))
            .SkipWhile(line => line.StartsWith("--", StringComparison.Ordinal) || line.Length == 0);

        Assert.Equal(SchemaScript.Generate().Trim(), string.Join('\n', script).Trim());
    }
}
