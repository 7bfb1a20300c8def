// Moved to the app's one line chart; kept while other Review work still imports it from here.
export { LineChart, type LineSeries } from '@/ui/line-chart';
