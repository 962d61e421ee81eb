using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cro.AppHost.Infrastructure;

/// <summary>
/// A local run starts again what crashed, as Kubernetes does in production: a service, the web, the gateway, PostgreSQL or
/// RabbitMQ that exits with a failure code (killed, out of memory, an unhandled exception) is started again after a short
/// back-off, while the gateway answers 503 for it. What exits with 0 — stopped from the dashboard, a set-up that finished —
/// stays as it is. A resource failing again and again is left stopped after <see cref="MaxRestarts"/> tries in
/// <see cref="Window"/>, with an error naming it: then a person looks at its log.
/// </summary>
public static class CrashRestarts
{
    public const int MaxRestarts = 6;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    public static IDistributedApplicationBuilder RestartCrashedResources(this IDistributedApplicationBuilder builder)
    {
        builder.Services.AddHostedService<CrashedResourceRestarter>();
        return builder;
    }

    /// <summary>
    /// The wait before the next start of a resource restarted <paramref name="recentRestarts"/> times in the window: 5 s, then
    /// doubling up to a minute (Kubernetes waits 10 s doubling to 5 min; a local run is for working, not for a crash loop).
    /// </summary>
    public static TimeSpan BackOff(int recentRestarts) => TimeSpan.FromSeconds(Math.Min(60, 5 * Math.Pow(2, recentRestarts)));

    /// <summary>Whether a snapshot says the process ended by failing (and not by a stop or a completed job).</summary>
    public static bool HasCrashed(CustomResourceSnapshot snapshot) =>
        snapshot.State?.Text is var state
        && (state == KnownResourceStates.Exited || state == KnownResourceStates.Finished || state == KnownResourceStates.FailedToStart)
        && snapshot.ExitCode is { } code && code != 0;

    private sealed class CrashedResourceRestarter(ResourceNotificationService notifications, ResourceCommandService commands,
        ILogger<CrashedResourceRestarter> logger) : BackgroundService
    {
        // The restarts of each resource instance within the window, and the instances crashed and not yet seen starting again
        // (the watch repeats a crashed resource's snapshot on every change, e.g. of its health, which must not start it twice).
        private readonly ConcurrentDictionary<string, List<DateTimeOffset>> _restarts = new();
        private readonly ConcurrentDictionary<string, byte> _pending = new();

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await foreach (var update in notifications.WatchAsync(stoppingToken))
            {
                if (update.Resource is not (ProjectResource or ExecutableResource))
                {
                    continue;
                }
                if (!HasCrashed(update.Snapshot))
                {
                    _pending.TryRemove(update.ResourceId, out _); // starting or running again
                }
                else if (_pending.TryAdd(update.ResourceId, 0))
                {
                    _ = RestartAsync(update.ResourceId, update.Snapshot.ExitCode!.Value, stoppingToken);
                }
            }
        }

        private async Task RestartAsync(string resourceId, int exitCode, CancellationToken stoppingToken)
        {
            try
            {
                var now = DateTimeOffset.UtcNow;
                var recent = _restarts.GetOrAdd(resourceId, _ => []);
                recent.RemoveAll(at => now - at > Window);
                if (recent.Count >= MaxRestarts)
                {
                    logger.LogError("{Resource} exited with code {ExitCode} {Count} times in {Window}; it stays stopped. " +
                        "Read its log, then start it from the dashboard.", resourceId, exitCode, recent.Count, Window);
                    return;
                }
                var wait = BackOff(recent.Count);
                logger.LogWarning("{Resource} exited with code {ExitCode}; starting it again in {Wait}.", resourceId, exitCode, wait);
                await Task.Delay(wait, stoppingToken);
                recent.Add(DateTimeOffset.UtcNow);
                var result = await commands.ExecuteCommandAsync(resourceId, KnownResourceCommands.StartCommand, stoppingToken);
                if (!result.Success)
                {
                    logger.LogError("{Resource} could not be started again: {Reason}", resourceId, result.Message);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // The run is stopping.
            }
        }
    }
}
