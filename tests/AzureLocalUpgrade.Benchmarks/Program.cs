using BenchmarkDotNet.Running;

namespace AzureLocalUpgrade.Benchmarks;

public static class Program
{
    /// <summary>Pass BenchmarkDotNet's own arguments, e.g. <c>--filter '*' --job short</c>.</summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
