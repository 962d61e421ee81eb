// The namespaces most of this project's files use, imported once here instead of at the top of each file.
global using System.Reflection;
global using Dapper;
global using Microsoft.Extensions.DependencyInjection;
global using Microsoft.Extensions.Hosting;
global using Microsoft.Extensions.Logging;
global using Npgsql;
