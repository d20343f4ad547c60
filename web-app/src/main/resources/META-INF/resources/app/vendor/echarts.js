// Apache ECharts from its WebJar (org.webjars.npm:echarts), served by the gateway under /webjars/.
// The version is filled in by the build from web-app/pom.xml.
export * from '/webjars/echarts/@echarts.version@/dist/echarts.esm.min.js';
