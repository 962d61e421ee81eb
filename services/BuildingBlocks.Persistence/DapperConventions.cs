using System.Data;
using Dapper;

namespace Cro.BuildingBlocks.Persistence;

public static class DapperConventions
{
    /// <summary>
    /// snake_case columns map to PascalCase members and record parameters (voivodeship_terc → VoivodeshipTerc),
    /// and timestamptz columns read into DateTimeOffset as well as DateTime.
    /// </summary>
    public static void Apply()
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.AddTypeHandler(new UtcDateTimeOffsetHandler());
    }

    /// <summary>Npgsql reads timestamptz as a UTC DateTime; records speak DateTimeOffset.</summary>
    private sealed class UtcDateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override DateTimeOffset Parse(object value) => value switch
        {
            DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
            DateTimeOffset time => time,
            _ => throw new DataException($"Cannot read {value.GetType()} as DateTimeOffset."),
        };

        // Dapper hands DateTimeOffset parameters to Npgsql itself, without this: callers pass UTC values.
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value) => parameter.Value = value;
    }
}
