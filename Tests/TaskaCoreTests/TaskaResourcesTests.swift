import Testing
import TaskaCore

@Suite struct TaskaResourcesTests {
    @Test func lookupOrderWithTheEnvironmentVariable() {
        let folders = TaskaResources.candidateFolders(of: "TaskaDetect", environment: ["TASKA_RESOURCES": "/opt/res"],
                                                      executablePath: "/usr/local/bin/taska")
        #expect(folders == [
            "/opt/res/Taska_TaskaDetect.resources",
            "/usr/local/bin/Taska_TaskaDetect.resources",
            "/usr/local/share/taska/Taska_TaskaDetect.resources",
            "/usr/share/taska/Taska_TaskaDetect.resources",
        ])
    }

    @Test func lookupOrderWithoutIt() {
        let folders = TaskaResources.candidateFolders(of: "TaskaIngest", environment: ["TASKA_RESOURCES": ""],
                                                      executablePath: "/usr/bin/taska")
        #expect(folders == [
            "/usr/bin/Taska_TaskaIngest.resources",
            "/usr/share/taska/Taska_TaskaIngest.resources",
            "/usr/share/taska/Taska_TaskaIngest.resources",
        ])
    }
}
