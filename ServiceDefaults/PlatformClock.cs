using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Cro.ServiceDefaults;

/// <summary>
/// The platform's clock: the system's, moved forward by an offset read from a file that every process of a run shares.
/// The end-to-end tests run the platform on a working morning whatever the hour of the machine (a stretch of an advisor's
/// week cannot pass midnight), and the simulation plays 36 months of the programme in minutes by writing a larger offset.
/// Only forward: a clock behind the browser's would make every cookie the platform sets look expired on arrival.
/// Production never shifts: a service configured with an offset file there refuses to start.
/// </summary>
public sealed class PlatformClock(string offsetFile) : TimeProvider
{
    public const string OffsetFileSetting = "Clock:OffsetFile";

    // The file is looked at no more often than this: a writer that moves the clock waits this long before relying on it.
    public static readonly TimeSpan ReadInterval = TimeSpan.FromMilliseconds(100);

    private readonly Lock _gate = new();
    private TimeSpan _offset;
    private DateTime _fileWrittenAt = DateTime.MinValue;
    private long _nextReadAt; // Environment.TickCount64, milliseconds since boot

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset();

    /// <summary>The offset now: what the file says (invariant "c" form, e.g. "1.02:30:00"), or none while it does not exist.</summary>
    public TimeSpan Offset()
    {
        lock (_gate)
        {
            var now = Environment.TickCount64;
            if (now >= _nextReadAt)
            {
                _nextReadAt = now + (long)ReadInterval.TotalMilliseconds;
                var writtenAt = File.GetLastWriteTimeUtc(offsetFile);
                if (writtenAt != _fileWrittenAt && TryRead(out var offset))
                {
                    (_offset, _fileWrittenAt) = (offset, writtenAt);
                }
            }
            return _offset;
        }
    }

    /// <summary>Moves the clock of every process reading <paramref name="offsetFile"/> (atomically: no reader sees half a file).</summary>
    public static void Write(string offsetFile, TimeSpan offset)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(offset, TimeSpan.Zero);
        var next = offsetFile + ".next";
        File.WriteAllText(next, offset.ToString("c", CultureInfo.InvariantCulture));
        File.Move(next, offsetFile, overwrite: true);
    }

    private bool TryRead(out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        try
        {
            return TimeSpan.TryParseExact(File.ReadAllText(offsetFile).Trim(), "c", CultureInfo.InvariantCulture, out offset)
                && offset >= TimeSpan.Zero;
        }
        catch (IOException)
        {
            return false; // not there yet, or being replaced: the last offset stands
        }
    }
}

public static class PlatformClockExtensions
{
    /// <summary>The process's one <see cref="TimeProvider"/>: the platform clock where a run names its offset file, else the system's.</summary>
    public static TBuilder AddPlatformClock<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        if (builder.Configuration[PlatformClock.OffsetFileSetting] is { Length: > 0 } offsetFile)
        {
            if (builder.Environment.IsProduction())
            {
                throw new InvalidOperationException($"{PlatformClock.OffsetFileSetting} moves the clock for tests and the demo; " +
                    "a production service keeps the system's time. Remove the setting.");
            }
            // Replaces the system's clock registered before this runs: with a TryAdd here the services kept the system's time.
            builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(new PlatformClock(offsetFile)));
        }
        else
        {
            builder.Services.TryAddSingleton(TimeProvider.System);
        }
        return builder;
    }
}
