using System.Data.Common;
using System.Net.Sockets;
using AzureLocalUpgrade.Fleet.Storage.Postgres;

namespace AzureLocalUpgrade.Fleet.Running;

/// <summary>
/// Whether an error means the fleet's database could not be reached (stopped, restarting, connection cut) rather
/// than that something was wrong with what was asked: the first is waited out, the second reported.
/// </summary>
internal static class DatabaseOutage
{
    public static bool Is(Exception error) => error switch
    {
        RunStoreUnavailableException => true,
        DbException db => PostgresConnector.IsOutage(db) || db.IsTransient,
        SocketException => true,
        _ => error.InnerException is { } inner && Is(inner),
    };
}
