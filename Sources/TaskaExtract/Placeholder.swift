import TaskaCore
