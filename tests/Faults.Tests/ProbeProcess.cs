using System.Diagnostics;
using System.Text;

namespace Cro.Faults.Tests;

/// <summary>
/// One FaultProbe process (tests/FaultProbe): a publisher or a consumer, an OS process of its own so a test can SIGKILL it.
/// Disposing kills it.
/// </summary>
public sealed class ProbeProcess : IAsyncDisposable
{
    private const string ReadyLine = "FAULTPROBE READY";
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ProbeProcess(Process process) => _process = process;

    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;

    /// <summary>What the process wrote, for a failure's message.</summary>
    public string Output { get { lock (_output) { return _output.ToString(); } } }

    /// <summary>The probe's build output: beside this project's, in tests/FaultProbe/bin/CONFIGURATION/TFM.</summary>
    private static string Assembly => Path.Combine(AppContext.BaseDirectory.Replace(
        $"{Path.DirectorySeparatorChar}Faults.Tests{Path.DirectorySeparatorChar}", $"{Path.DirectorySeparatorChar}FaultProbe{Path.DirectorySeparatorChar}"),
        "FaultProbe.dll");

    /// <summary>Starts the probe and waits until it serves and its bus is connected.</summary>
    public static async Task<ProbeProcess> StartAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Assembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // Settings as environment variables (ConnectionStrings__probe), so no password shows in a process list.
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__")] = value;
        }
        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Warning";
        start.Environment["DOTNET_gcServer"] = "0";
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var probe = new ProbeProcess(process);
        process.OutputDataReceived += (_, e) => probe.Append(e.Data);
        process.ErrorDataReceived += (_, e) => probe.Append(e.Data);
        process.Exited += (_, _) =>
        {
            process.WaitForExit(); // the rest of its output, which may hold the ready line
            probe._ready.TrySetException(new InvalidOperationException("The probe ended before it was ready."));
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await probe._ready.Task.WaitAsync(TimeSpan.FromSeconds(240)); // generous: a loaded machine (the whole suite at once) starts a process slowly
        }
        catch (Exception e)
        {
            await probe.DisposeAsync();
            throw new InvalidOperationException($"FaultProbe {string.Join(' ', start.ArgumentList.Skip(1))} did not start: {e.Message}\n{probe.Output}", e);
        }
        return probe;
    }

    /// <summary>SIGKILL: no shutdown, no ack, no commit that was not already made.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.WaitForExit();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        if (line.Contains(ReadyLine, StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }
        lock (_output)
        {
            if (_output.Length < 100_000)
            {
                _output.AppendLine(line);
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Kill();
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
