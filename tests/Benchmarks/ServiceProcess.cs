namespace Cro.Benchmarks;

/// <summary>
/// One built Release program of the repository (a service, the gateway) run as a process of its own, configured only by
/// its environment, as a deployment runs it: the load generator in this process no longer competes with it inside one
/// runtime (thread pool, GC), only for the machine's cores. Its console output goes to a log file beside the run's others.
/// </summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServiceProcess(string name, Process process, Uri address, string log) => (Name, _process, Address, Log) = (name, process, address, log);

    public string Name { get; }

    public Uri Address { get; }

    public string Log { get; }

    /// <summary>The dll a Release build of <paramref name="project"/> (a folder of the repository, e.g. services/Training) left.</summary>
    public static string ReleaseDll(string project)
    {
        // Named as its project file (gateway/Gateway.csproj makes Gateway.dll).
        var name = Path.GetFileNameWithoutExtension(Directory.GetFiles(Path.Combine(Repository.Root, project), "*.csproj").Single());
        var dll = Path.Combine(Repository.Root, project, "bin", "Release", "net10.0", name + ".dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"No Release build of {project}; tests/Benchmarks/run.sh builds it.", dll);
    }

    /// <summary>Starts <paramref name="dll"/> on a loopback port of its own and waits until its /health answers 200.</summary>
    public static async Task<ServiceProcess> StartAsync(string name, string dll, IReadOnlyDictionary<string, string> environment, string logFolder,
        string healthPath = "/health", IReadOnlyList<string>? arguments = null)
    {
        var port = FreePorts.Next();
        var address = new Uri($"http://127.0.0.1:{port}");
        var log = Path.Combine(logFolder, name + ".log");
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments ?? [])
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start.");
        var writer = new StreamWriter(log) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (writer) { writer.WriteLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (writer) { writer.WriteLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var started = new ServiceProcess(name, process, address, log);

        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{name} exited ({process.ExitCode}) while starting; its log: {log}\n{Tail(log)}");
            }
            try
            {
                using var health = await http.GetAsync(healthPath);
                if (health.IsSuccessStatusCode)
                {
                    return started;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(250);
        }
        await started.DisposeAsync();
        throw new TimeoutException($"{name} did not answer {healthPath} within 3 minutes; its log: {log}\n{Tail(log)}");
    }

    /// <summary>CPU time the process has used so far (user and system), to show what each side of a run cost.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.HasExited ? TimeSpan.Zero : _process.TotalProcessorTime;
        }
    }

    private static string Tail(string log)
    {
        try
        {
            using var stream = new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return string.Join('\n', reader.ReadToEnd().Split('\n').TakeLast(40));
        }
        catch (IOException)
        {
            return "";
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
