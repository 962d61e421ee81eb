using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace Cro.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL cluster or a RabbitMQ node of a test's own, started with the platform's scripts (deploy/local) on ports of its
/// own, which the test may stop, kill and start again without disturbing the shared servers other tests use (TestServers).
/// The server runs in a process group of its own (setsid), so a kill takes its children (the Erlang VM) with it; disposing
/// stops it and deletes its data.
/// </summary>
public sealed class ControlledServer : IAsyncDisposable
{
    private static readonly List<ControlledServer> Running = [];
    private readonly string _name;
    private readonly string _script;
    private readonly string[] _arguments;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly int[] _ports;
    private readonly StringBuilder _log = new();
    private Process? _process;

    static ControlledServer()
    {
        // Never outlive the test process, even when a fixture's DisposeAsync does not run.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            lock (Running)
            {
                foreach (var server in Running.ToArray())
                {
                    server.Signal("KILL");
                }
            }
        };
    }

    private ControlledServer(string name, string dataDirectory, string script, string[] arguments, IReadOnlyDictionary<string, string> environment,
        int[] ports) =>
        (_name, DataDirectory, _script, _arguments, _environment, _ports) = (name, dataDirectory, script, arguments, environment, ports);

    public string DataDirectory { get; }

    /// <summary>What the server wrote, for a failure's message.</summary>
    public string Log { get { lock (_log) { return _log.ToString(); } } }

    /// <summary>
    /// A PostgreSQL cluster (deploy/local/postgres.sh, as tests/with-servers.sh runs it), with its superuser connection string.
    /// </summary>
    public static async Task<(ControlledServer Server, string AdminConnectionString)> StartPostgresAsync()
    {
        var port = FreePorts.Next();
        var password = Guid.NewGuid().ToString("N");
        var server = new ControlledServer("PostgreSQL", NewDataDirectory("pg"), "deploy/local/postgres.sh",
            ["{data}", port.ToString(), "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"],
            new Dictionary<string, string> { ["POSTGRES_PASSWORD"] = password }, [port]);
        var admin = $"Host=127.0.0.1;Port={port};Username=postgres;Password={password};Timeout=5";
        server._ready = () => CanConnectToPostgresAsync(admin);
        await server.StartAsync();
        return (server, admin);
    }

    /// <summary>
    /// A RabbitMQ node (deploy/local/rabbitmq.sh, named after its AMQP port); returns its amqp:// URI and its management API
    /// (for <see cref="TestServers.VirtualHostAsync"/>).
    /// </summary>
    public static async Task<(ControlledServer Server, string AmqpUri, string ManagementUri)> StartRabbitMqAsync()
    {
        int amqp = FreePorts.Next(), management = FreePorts.Next(), distribution = FreePorts.Next();
        var password = Guid.NewGuid().ToString("N");
        var server = new ControlledServer("RabbitMQ", NewDataDirectory("mq"), "deploy/local/rabbitmq.sh",
            ["{data}", amqp.ToString(), management.ToString(), distribution.ToString()],
            new Dictionary<string, string> { ["RABBITMQ_DEFAULT_USER"] = "cro", ["RABBITMQ_DEFAULT_PASS"] = password }, [amqp, management]);
        await server.StartAsync();
        return (server, $"amqp://cro:{password}@127.0.0.1:{amqp}/", $"http://cro:{password}@127.0.0.1:{management}/");
    }

    private Func<Task<bool>>? _ready;

    /// <summary>Starts the server (again, on the same data and ports) and waits until it accepts connections.</summary>
    public async Task StartAsync()
    {
        if (_process is { HasExited: false })
        {
            throw new InvalidOperationException($"{_name} is running already.");
        }
        var start = new ProcessStartInfo("setsid")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repository.Root,
        };
        start.ArgumentList.Add(Path.Combine(Repository.Root, _script));
        foreach (var argument in _arguments)
        {
            start.ArgumentList.Add(argument.Replace("{data}", DataDirectory));
        }
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        lock (Running)
        {
            Running.Add(this);
        }
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(180);
        while (!await AcceptsAsync())
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"{_name} did not start (exit {(process.HasExited ? process.ExitCode : "-")}); its log:\n{Log}");
            }
            await Task.Delay(200);
        }
        if (_name == "PostgreSQL")
        {
            // The test process's own pooled connections (connection-string pools) died with the old server; a service's data
            // source keeps its own pool, which it must heal itself.
            NpgsqlConnection.ClearAllPools();
        }
    }

    /// <summary>Stops the server as an operator would (SIGTERM to RabbitMQ, a fast shutdown of PostgreSQL) and waits for it to end.</summary>
    public Task StopAsync() => EndAsync(_name == "PostgreSQL" ? "INT" : "TERM");

    /// <summary>Kills the server and everything it started (SIGKILL to its process group), as a crash or an OOM kill.</summary>
    public Task KillAsync() => EndAsync("KILL");

    private async Task EndAsync(string signal)
    {
        if (_process is not { } process || process.HasExited)
        {
            return;
        }
        Signal(signal);
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            Signal("KILL");
            await process.WaitForExitAsync();
        }
        // The group's other members (the Erlang VM under RabbitMQ's script) end with it.
        Signal("KILL");
        for (var i = 0; i < 100 && _ports.Any(IsListening); i++)
        {
            await Task.Delay(100);
        }
        lock (Running)
        {
            Running.Remove(this);
        }
    }

    private void Signal(string signal)
    {
        if (_process is not { } process)
        {
            return;
        }
        // The negative id names the process group setsid made: the script and all it started.
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { $"-{signal}", "--", $"-{process.Id}" }, RedirectStandardError = true });
        kill?.WaitForExit();
    }

    private async Task<bool> AcceptsAsync()
    {
        foreach (var port in _ports)
        {
            if (!IsListening(port))
            {
                return false;
            }
        }
        return _ready is null || await _ready();
    }

    private static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task<bool> CanConnectToPostgresAsync(string admin)
    {
        try
        {
            await using var connection = new NpgsqlConnection(admin + ";Pooling=false");
            await connection.OpenAsync();
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            return false;
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_log)
        {
            if (_log.Length < 200_000)
            {
                _log.AppendLine(line);
            }
        }
    }

    private static string NewDataDirectory(string kind)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"cro-faults-{kind}-{Guid.NewGuid():N}"[..28]);
        Directory.CreateDirectory(directory);
        // PostgreSQL runs as its own user when the tests run as root: it must reach its directory.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory, (UnixFileMode)0b111_101_101);
        }
        return directory;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
