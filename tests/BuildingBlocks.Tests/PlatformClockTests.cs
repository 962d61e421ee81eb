using Cro.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Cro.BuildingBlocks.Tests;

/// <summary>The platform clock of test runs and the demo: moved by a shared file, never in production.</summary>
public sealed class PlatformClockTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"cro-clock-{Guid.NewGuid():N}");

    [Fact]
    public void Without_the_file_the_clock_is_the_systems()
    {
        var clock = new PlatformClock(_file);
        Assert.Equal(TimeSpan.Zero, clock.Offset());
        Assert.InRange(clock.GetUtcNow() - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(-1), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Writing_a_later_offset_moves_every_reader_of_the_file_forward()
    {
        var clock = new PlatformClock(_file);
        var another = new PlatformClock(_file);
        Assert.Equal(TimeSpan.Zero, clock.Offset());

        PlatformClock.Write(_file, TimeSpan.FromDays(91.5));
        await Task.Delay(PlatformClock.ReadInterval * 2, TestContext.Current.CancellationToken);

        foreach (var reader in new[] { clock, another })
        {
            Assert.Equal(TimeSpan.FromDays(91.5), reader.Offset());
            Assert.InRange(reader.GetUtcNow() - DateTimeOffset.UtcNow - TimeSpan.FromDays(91.5), TimeSpan.FromSeconds(-1), TimeSpan.FromSeconds(1));
        }
    }

    [Fact]
    public async Task A_file_that_does_not_read_as_an_offset_leaves_the_last_one_standing()
    {
        var clock = new PlatformClock(_file);
        PlatformClock.Write(_file, TimeSpan.FromHours(5));
        await Task.Delay(PlatformClock.ReadInterval * 2, TestContext.Current.CancellationToken);
        Assert.Equal(TimeSpan.FromHours(5), clock.Offset());

        await File.WriteAllTextAsync(_file, "soon", TestContext.Current.CancellationToken);
        await Task.Delay(PlatformClock.ReadInterval * 2, TestContext.Current.CancellationToken);
        Assert.Equal(TimeSpan.FromHours(5), clock.Offset());
    }

    [Fact]
    public void The_clock_is_not_moved_back()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PlatformClock.Write(_file, TimeSpan.FromMinutes(-1)));
    }

    [Theory]
    [InlineData("Development", true)]
    [InlineData("Testing", true)]
    [InlineData("Production", false)]
    public void A_service_takes_the_platform_clock_only_outside_production(string environment, bool starts)
    {
        // A web host, as every service is; its messaging set-up may have registered the system's clock already.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Configuration[PlatformClock.OffsetFileSetting] = _file;
        if (!starts)
        {
            var refused = Assert.Throws<InvalidOperationException>(() => builder.AddPlatformClock());
            Assert.Contains(PlatformClock.OffsetFileSetting, refused.Message);
            return;
        }
        builder.AddPlatformClock();
        using var host = builder.Build();
        Assert.IsType<PlatformClock>(host.Services.GetRequiredService<TimeProvider>());
        Assert.Single(host.Services.GetServices<TimeProvider>());
    }

    [Fact]
    public void Without_the_setting_a_service_keeps_the_systems_clock()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production" });
        builder.AddPlatformClock();
        using var host = builder.Build();
        Assert.Same(TimeProvider.System, host.Services.GetRequiredService<TimeProvider>());
    }

    public void Dispose() => File.Delete(_file);
}
