using Cro.Benchmarks;

// Run by hand: tests/Benchmarks/run.sh. Figures are ratios against a baseline measured in the same
// run, on the same servers, so they compare across machines; absolute times are printed for context.
var runs = args.Length > 0 ? int.Parse(args[0]) : 5;
Console.WriteLine($"CRO benchmarks, {runs} runs each, median reported.\n");

var import = await RegistryImportBenchmark.RunAsync(runs);
var relay = await OutboxRelayBenchmark.RunAsync(runs);

Console.WriteLine("| measurement | median | baseline (same run) | ratio |");
Console.WriteLine("|---|---|---|---|");
Console.WriteLine(import.Row());
Console.WriteLine(relay.Row());
