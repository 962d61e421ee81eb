using System.Collections.Frozen;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;

namespace Cro.Monitoring.Features.DeadLetters;

/// <summary>How often the gauge of dead letters reads the broker (Monitoring:DeadLetters).</summary>
public sealed class DeadLetterGaugeOptions
{
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// The gauge cro.messaging.dead_letters: messages waiting in each <c>_error</c> queue (tag <c>queue</c>), exported with the
/// other cro.* meters, so the dashboard shows a message that failed for good without anyone opening the broker. A gauge's
/// callback cannot wait on the network: the broker is read every poll interval and the gauge reports the last reading;
/// while the broker cannot be read it reports nothing rather than a stale figure.
/// </summary>
public sealed class DeadLetterGauge : BackgroundService
{
    private readonly DeadLetterBroker _broker;
    private readonly IOptions<DeadLetterGaugeOptions> _options;
    private readonly ILogger<DeadLetterGauge> _logger;
    private volatile FrozenDictionary<string, long> _last = FrozenDictionary<string, long>.Empty;

    public DeadLetterGauge(DeadLetterBroker broker, IOptions<DeadLetterGaugeOptions> options, IMeterFactory meters, ILogger<DeadLetterGauge> logger)
    {
        _broker = broker;
        _options = options;
        _logger = logger;
        // The messaging meter's name (cro.messaging, as BuildingBlocks' counters); from the factory, so it ends with this host.
        meters.Create("cro.messaging").CreateObservableGauge("cro.messaging.dead_letters", Observe, "{message}",
            "Messages waiting in the _error queues after their consumer's retries, per queue.");
    }

    private IEnumerable<Measurement<long>> Observe() =>
        _last.Select(q => new Measurement<long>(q.Value, new KeyValuePair<string, object?>("queue", q.Key)));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_broker.IsConfigured)
        {
            _logger.LogWarning("ConnectionStrings:rabbitmq-management is not set: no gauge of dead letters");
            return;
        }
        using var timer = new PeriodicTimer(_options.Value.PollInterval);
        do
        {
            try
            {
                _last = (await _broker.QueuesAsync(stoppingToken)).ToFrozenDictionary(q => q.Name, q => q.Messages);
            }
            catch (Exception e) when (DeadLettersApi.IsBrokerFailure(e) && !stoppingToken.IsCancellationRequested)
            {
                _last = FrozenDictionary<string, long>.Empty;
                _logger.LogWarning("The broker's dead-letter queues could not be read: {Reason}", e.Message);
            }
        }
        while (await timer.NextTickAsync(stoppingToken));
    }
}
