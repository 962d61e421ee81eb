// The namespaces most of this project's files use, imported once here instead of at the top of each file.
global using System.Collections.Concurrent;
global using System.Diagnostics;
global using System.Net.Http.Json;
global using Cro.Contracts;
global using Cro.Tests.Infrastructure;
global using Dapper;
global using MassTransit;
global using Microsoft.Extensions.DependencyInjection;
global using Npgsql;
