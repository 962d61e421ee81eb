using Dapper;

namespace Cro.BuildingBlocks.Persistence;

public static class DapperConventions
{
    /// <summary>snake_case columns map to PascalCase members and record parameters (voivodeship_terc → VoivodeshipTerc).</summary>
    public static void Apply() => DefaultTypeMap.MatchNamesWithUnderscores = true;
}
