using AzureLocalUpgrade.Fleet.Status;
using AzureLocalUpgrade.Fleet.Storage;

namespace AzureLocalUpgrade.Fleet.Tests.Reliability;

/// <summary>
/// Waiting on a fleet's store from a test while the database may be away: a read that fails because the server is
/// stopped counts as "not yet", so the wait itself rides out the outage the test causes.
/// </summary>
internal static class FleetPolling
{
    public static async Task<T> UntilAsync<T>(Func<Task<T?>> read, Func<T, bool> done, TimeSpan limit, string what)
        where T : class
    {
        var deadline = DateTime.UtcNow + limit;
        T? last = null;
        while (true)
        {
            try
            {
                last = await read();
                if (last is not null && done(last))
                {
                    return last;
                }
            }
            catch (Exception e) when (e is System.Data.Common.DbException or IOException or System.Net.Sockets.SocketException or InvalidOperationException)
            {
                // the database is away (the test stopped it, or a worker has not created the tables yet)
            }

            DateTime.UtcNow.Should().BeBefore(deadline, $"{what} within {limit}");
            await Task.Delay(250);
        }
    }

    public static Task<FleetStatus> StatusUntilAsync(FleetStore store, string fleetId, Func<FleetStatus, bool> done, TimeSpan limit, string what) =>
        UntilAsync(() => store.GetStatusAsync(fleetId, CancellationToken.None), done, limit, what);

    public static async Task<string> EventsTextAsync(FleetStore store, string fleetId) =>
        string.Join("\n", (await store.GetEventsAsync(fleetId, null, 0, CancellationToken.None)).Select(e => $"{e.Sequence} {e.Kind} {e.Cluster} {e.Message}"));

    public static IEnumerable<ClusterRunStatus> Clusters(this FleetStatus status) => status.Stages.SelectMany(s => s.Clusters);

    public static bool Finished(FleetStatus status) =>
        status.State is FleetRunState.Succeeded or FleetRunState.Failed or FleetRunState.Halted or FleetRunState.Stopped;
}
