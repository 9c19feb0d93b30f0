using System.Collections.Concurrent;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Fleet.Status;
using AzureLocalUpgrade.Fleet.Web.Access;
using AzureLocalUpgrade.Fleet.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace AzureLocalUpgrade.Fleet.Web.Tests.Support;

/// <summary>
/// The dashboard hosted in this process on 127.0.0.1 with a free port (Kestrel picks it), over a real store; every
/// log line it writes is kept so tests can check that no secret reaches the log.
/// </summary>
internal sealed class RunningDashboard : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningDashboard(WebApplication app, Uri address, CollectingLogger logs)
    {
        _app = app;
        Address = address;
        Logs = logs;
    }

    public Uri Address { get; }

    public CollectingLogger Logs { get; }

    public static async Task<RunningDashboard> StartAsync(IFleetStatusStore store, bool withAccess = true)
    {
        DashboardAccess? access = null;
        if (withAccess)
        {
            var folder = Path.GetTempPath();
            var path = AccessFiles.Write(folder, AccessFiles.StandardText);
            var bag = new DiagnosticBag();
            access = DashboardAccessLoader.Load(path, bag);
            File.Delete(path);
            bag.Items.Should().BeEmpty();
        }

        var logs = new CollectingLogger();
        var app = DashboardApp.Build(store, new DashboardOptions("http://127.0.0.1:0", access), TimeProvider.System, logging =>
        {
            logging.AddProvider(logs);
            logging.SetMinimumLevel(LogLevel.Debug);
        });
        await app.StartAsync();
        return new RunningDashboard(app, new Uri(app.Urls.First()), logs);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>Keeps every formatted log line (with its exception) in memory.</summary>
internal sealed class CollectingLogger : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
