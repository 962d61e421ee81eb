using System.Data;

namespace Cro.BuildingBlocks.Persistence;

public static class DapperConventions
{
    /// <summary>
    /// snake_case columns map to PascalCase members and record parameters (voivodeship_terc → VoivodeshipTerc),
    /// timestamptz columns read into DateTimeOffset as well as DateTime, date into DateOnly and time into TimeOnly.
    /// </summary>
    public static void Apply()
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.AddTypeHandler(new UtcDateTimeOffsetHandler());
        SqlMapper.AddTypeHandler(new DateOnlyHandler());
        SqlMapper.AddTypeHandler(new TimeOnlyHandler());
    }

    /// <summary>Npgsql reads date as DateTime through the untyped reader Dapper uses.</summary>
    private sealed class DateOnlyHandler : SqlMapper.TypeHandler<DateOnly>
    {
        public override DateOnly Parse(object value) => value switch
        {
            DateTime day => DateOnly.FromDateTime(day),
            DateOnly day => day,
            _ => throw new DataException($"Cannot read {value.GetType()} as DateOnly."),
        };

        public override void SetValue(IDbDataParameter parameter, DateOnly value) => parameter.Value = value;
    }

    /// <summary>Npgsql reads time as TimeSpan through the untyped reader Dapper uses.</summary>
    private sealed class TimeOnlyHandler : SqlMapper.TypeHandler<TimeOnly>
    {
        public override TimeOnly Parse(object value) => value switch
        {
            TimeSpan time => TimeOnly.FromTimeSpan(time),
            TimeOnly time => time,
            _ => throw new DataException($"Cannot read {value.GetType()} as TimeOnly."),
        };

        public override void SetValue(IDbDataParameter parameter, TimeOnly value) => parameter.Value = value;
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
